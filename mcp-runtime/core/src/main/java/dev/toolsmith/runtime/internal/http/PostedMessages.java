package dev.toolsmith.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.NotificationSink;
import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpOptions;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.internal.protocol.ClientChannel;
import dev.toolsmith.runtime.internal.protocol.Exchange;
import dev.toolsmith.runtime.internal.protocol.JsonRpcMessage;
import dev.toolsmith.runtime.internal.protocol.McpEngine;
import dev.toolsmith.runtime.internal.protocol.ProtocolException;
import dev.toolsmith.runtime.internal.protocol.Reply;
import dev.toolsmith.runtime.internal.protocol.SessionOwners;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second half of the Streamable HTTP rules: a POSTed body whose head passed every check, read
 * as one JSON-RPC message and answered. A request runs on a held stream when the exchange streams
 * and the client accepts event streams, else with its notifications buffered; a client's response
 * or {@code notifications/cancelled} reaches the call it names ({@link HeldCalls}).
 */
final class PostedMessages {
  private final McpEngine engine;
  private final HttpOptions options;
  private final Authenticator authenticator;
  private final HeldCalls held = new HeldCalls();

  /** The headers of a JSON reply that needs no others, shared: most replies. */
  private static final Map<String, String> JSON_ONLY = Map.of("Content-Type", MediaTypes.JSON);

  PostedMessages(McpEngine engine, HttpOptions options, Authenticator authenticator) {
    this.engine = engine;
    this.options = options;
    this.authenticator = authenticator;
  }

  /** Answers a POSTed JSON-RPC message whose head passed every check. */
  void answer(HttpExchange http, byte[] body, Identity identity, Map<String, String> cors)
      throws IOException {
    Headers headers = http.headers();
    JsonNode json;
    try {
      json = Json.parse(body);
    } catch (IOException e) {
      http.respond(jsonRpcError(ProtocolException.parseError("The body", e), null, cors));
      return;
    }
    JsonRpcMessage message;
    try {
      message = JsonRpcMessage.decode(json);
    } catch (ProtocolException e) {
      http.respond(jsonRpcError(e, null, cors));
      return;
    }
    boolean eventStream = MediaTypes.accepts(headers.first("Accept"), MediaTypes.EVENT_STREAM);
    if (!(message instanceof JsonRpcMessage.Request call)) {
      deliver(message, owner(identity, headers));
    } else {
      String negotiatedVersion = headers.first(ModernHeaders.PROTOCOL_VERSION);
      if (McpEngine.isModern(call, negotiatedVersion)) {
        String version = metaVersion(call);
        if (version != null) {
          try {
            ModernHeaders.check(headers, call, version, engine.paramHeaders());
          } catch (ProtocolException e) {
            http.respond(jsonRpcError(e, call.id(), cors));
            return;
          }
        }
      }
      if (http.streams() && eventStream) {
        stream(http, call, identity, owner(identity, headers), cors);
        return;
      }
    }
    BufferedNotifications notifications = new BufferedNotifications();
    String noStream =
        http.streams()
            ? "the client's Accept header does not admit text/event-stream"
            : Exchange.NO_HELD_STREAM;
    Reply reply = engine.handle(message, exchange(http, identity, notifications, null, noStream));
    if (reply.accepted()) {
      http.respond(new HttpResponse(202, cors, null));
      return;
    }
    Map<String, String> responseHeaders = replyHeaders(reply, cors);
    if (notifications.list != null && eventStream) {
      http.respond(
          new HttpResponse(
              HttpRefusals.status(reply.error()),
              EventStreams.headers(responseHeaders),
              EventStreams.body(notifications.list, reply.json())));
      return;
    }
    respondJson(http, reply, responseHeaders);
  }

  /** Answers with the reply as one JSON body, after the headers given. */
  private static void respondJson(HttpExchange http, Reply reply, Map<String, String> headers)
      throws IOException {
    Map<String, String> all = JSON_ONLY;
    if (!headers.isEmpty()) {
      all = new LinkedHashMap<>(headers);
      all.put("Content-Type", MediaTypes.JSON);
    }
    http.respond(new HttpResponse(HttpRefusals.status(reply.error()), all, reply.json()));
  }

  /**
   * Returns who a message comes from, for matching answers and cancellations to the calls they
   * name: the caller's identity and, when it sent one, its session.
   */
  private static String owner(Identity identity, Headers headers) {
    String sessionId = headers.first(StreamableHttp.SESSION_HEADER);
    String caller = SessionOwners.of(identity);
    return sessionId == null ? caller : caller + '\n' + sessionId.trim();
  }

  /**
   * Serves a request on a held stream: its notifications and input requests are written as they
   * happen, and the client can cancel it.
   */
  private void stream(
      HttpExchange http,
      JsonRpcMessage.Request call,
      Identity identity,
      String owner,
      Map<String, String> cors)
      throws IOException {
    LiveCall live =
        new LiveCall(
            http,
            cors,
            held,
            owner,
            call.id(),
            options.clientAnswerTimeout(),
            options.keepAliveInterval());
    held.started(live);
    Reply reply;
    try {
      reply = engine.handle(call, exchange(http, identity, live, live, null));
    } finally {
      held.finished(live);
    }
    if (!live.finish(reply.json())) {
      respondJson(http, reply, replyHeaders(reply, cors));
    }
  }

  /**
   * Takes a client's notification or response: an answer to a server-to-client request goes to the
   * call waiting for it, and {@code notifications/cancelled} cancels the caller's own call.
   */
  private void deliver(JsonRpcMessage message, String owner) {
    if (message instanceof JsonRpcMessage.Response response) {
      held.answer(owner, response);
    } else if (message instanceof JsonRpcMessage.Notification notification
        && "notifications/cancelled".equals(notification.method())
        && notification.params() != null) {
      held.cancel(owner, notification.params().get("requestId"));
    }
  }

  private Exchange exchange(
      HttpExchange http,
      Identity identity,
      NotificationSink notifications,
      ClientChannel client,
      String noStreamReason) {
    Headers headers = http.headers();
    return new Exchange(
        identity,
        http.attributes().with(headers),
        notifications,
        headers.first(ModernHeaders.PROTOCOL_VERSION),
        headers.first(StreamableHttp.SESSION_HEADER),
        true,
        false,
        client,
        noStreamReason);
  }

  /** Returns the headers a reply adds to the CORS ones: none for most replies. */
  private Map<String, String> replyHeaders(Reply reply, Map<String, String> cors) {
    ProtocolException failure = reply.failure();
    if (reply.sessionId() == null
        && (failure == null
            || (failure.retryAfterSeconds() == 0 && reply.insufficientScope() == null))) {
      return cors;
    }
    Map<String, String> headers = new LinkedHashMap<>(cors);
    if (failure != null) {
      HttpRefusals.putRetryAfter(headers, failure);
    }
    if (reply.sessionId() != null) {
      headers.put(StreamableHttp.SESSION_HEADER, reply.sessionId());
    }
    if (reply.insufficientScope() != null) {
      headers.put(
          "WWW-Authenticate", authenticator.insufficientScopeChallenge(reply.insufficientScope()));
    }
    return headers;
  }

  /**
   * Returns the version a modern request's {@code _meta} names, or {@code null} when it names none.
   */
  private static String metaVersion(JsonRpcMessage.Request request) {
    JsonNode meta = request.params() == null ? null : request.params().get("_meta");
    JsonNode version = meta == null ? null : meta.get(McpEngine.META_PROTOCOL_VERSION);
    return version != null && version.isTextual() ? version.textValue() : null;
  }

  /** Collects a request's notifications for one buffered event-stream body. */
  private static final class BufferedNotifications implements NotificationSink {
    /** Made by the first notification: most requests send none. */
    List<String> list;

    @Override
    public void send(String json) {
      if (list == null) {
        list = new ArrayList<>(2);
      }
      list.add(json);
    }
  }

  private static HttpResponse jsonRpcError(
      ProtocolException error, JsonNode id, Map<String, String> headers) {
    return HttpRefusals.jsonRpcError(error, id, headers);
  }
}
