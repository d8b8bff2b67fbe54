package dev.toolsmith.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.NotificationSink;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpOptions;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.internal.protocol.ClientChannel;
import dev.toolsmith.runtime.internal.protocol.ErrorKind;
import dev.toolsmith.runtime.internal.protocol.Exchange;
import dev.toolsmith.runtime.internal.protocol.JsonRpcMessage;
import dev.toolsmith.runtime.internal.protocol.McpEngine;
import dev.toolsmith.runtime.internal.protocol.ProtocolException;
import dev.toolsmith.runtime.internal.protocol.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MCP Streamable HTTP rules, in the one place every adapter calls: Lambda, the local server,
 * and anything a user plugs in.
 *
 * <p>In order: {@code Origin} (403), CORS preflight, authentication (401 with {@code
 * WWW-Authenticate}, or the authenticator's own refusal), HTTP method (405 with {@code Allow}; CORS
 * preflight when enabled; {@code DELETE} ends a session when the server keeps them: 204, or 404 for
 * an unknown one), body size (413), {@code Content-Type} (415), {@code Accept} (406), JSON (400 /
 * -32700), JSON-RPC shape (400 / -32600), the 2026-07-28 headers against the body (400 / -32020),
 * then the protocol engine, whose refusals it maps to statuses ({@link #status}). A notification is
 * acknowledged with 202 and no body. A request that produced notifications is answered with one
 * buffered {@code text/event-stream} body holding them and then the response; any other with {@code
 * application/json}.
 */
public final class StreamableHttp {
  /** The handshake-era session header. */
  public static final String SESSION_HEADER = "Mcp-Session-Id";

  private static final String ALLOW_HEADERS =
      "Content-Type, Accept, Authorization, MCP-Protocol-Version, Mcp-Method, Mcp-Name, Mcp-Session-Id";

  private final McpEngine engine;
  private final HttpOptions options;
  private final Authenticator authenticator;
  private final OriginPolicy origins;
  private final String allow;
  private final HeldCalls held = new HeldCalls();

  /** Returns the rules in front of an engine, letting every caller in. */
  public StreamableHttp(McpEngine engine, HttpOptions options) {
    this(engine, options, Authenticator.NONE);
  }

  /** Returns the rules in front of an engine, admitting only callers the authenticator allows. */
  public StreamableHttp(McpEngine engine, HttpOptions options, Authenticator authenticator) {
    this.engine = engine;
    this.options = options;
    this.authenticator = authenticator;
    this.origins = new OriginPolicy(options.allowedOrigins(), options.allowLocalhostOrigins());
    this.allow =
        (engine.keepsSessions() ? "POST, DELETE" : "POST") + (options.cors() ? ", OPTIONS" : "");
  }

  /**
   * Where RFC 9728 Protected Resource Metadata lives, alone or followed by the MCP endpoint's path.
   */
  public static final String RESOURCE_METADATA_PATH = "/.well-known/oauth-protected-resource";

  /**
   * Answers one HTTP request that arrived whole (AWS Lambda, tests); never throws for anything a
   * client can send. It goes through {@link #serve} like every streaming exchange, collected into
   * one response, so a call that asks a handshake-era client for input ends in a tool error.
   */
  public HttpResponse handle(HttpRequest request) {
    BufferedExchange exchange = new BufferedExchange(request);
    try {
      serve(exchange);
    } catch (IOException e) {
      throw new UncheckedIOException("A buffered exchange cannot fail to write", e);
    }
    return exchange.response();
  }

  /**
   * Answers one HTTP exchange, checking everything the request line and headers decide before the
   * body is read: a request refused for its origin, credentials, method, declared size, media types
   * or session costs the server no body.
   *
   * @throws IOException only when the client went away while it was being answered
   */
  public void serve(HttpExchange exchange) throws IOException {
    String path = exchange.path();
    if (path != null && path.startsWith(RESOURCE_METADATA_PATH)) {
      exchange.respond(resourceMetadata(exchange.method()));
      return;
    }
    Headers headers = exchange.headers();
    String origin = headers.first("Origin");
    if (!origins.allows(origin)) {
      exchange.respond(
          refuse(
              403,
              "Origin '"
                  + origin
                  + "' is not allowed to call this server. Add it to the server's "
                  + "allowed origins if this browser page is yours.",
              Map.of()));
      return;
    }
    Map<String, String> cors = corsHeaders(origin);
    String method = exchange.method();
    if (method.equals("OPTIONS") && options.cors()) {
      Map<String, String> preflight = new LinkedHashMap<>(cors);
      preflight.put("Access-Control-Allow-Methods", allow);
      preflight.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
      preflight.put("Access-Control-Max-Age", "600");
      exchange.respond(new HttpResponse(204, preflight, null));
      return;
    }
    AuthDecision auth = authenticator.authenticate(headers);
    if (!auth.allowed()) {
      Map<String, String> challenge = new LinkedHashMap<>(cors);
      if (auth.challenge() != null) {
        challenge.put("WWW-Authenticate", auth.challenge());
      }
      exchange.respond(refuse(auth.status(), auth.message(), challenge));
      return;
    }
    if (method.equals("DELETE") && engine.keepsSessions()) {
      exchange.respond(endSession(headers, cors));
      return;
    }
    if (!method.equals("POST")) {
      Map<String, String> extra = new LinkedHashMap<>(cors);
      extra.put("Allow", allow);
      exchange.respond(
          refuse(
              405,
              "HTTP "
                  + method
                  + " is not supported: this server answers each POST with its own "
                  + "response and keeps no stream for server notifications. Send JSON-RPC messages "
                  + "with POST.",
              extra));
      return;
    }
    HttpResponse refusal = checkHead(exchange.contentLength(), headers, cors);
    if (refusal != null) {
      exchange.respond(refusal);
      return;
    }
    byte[] body;
    try {
      body = exchange.readBody(options.maxBodyBytes());
    } catch (IOException e) {
      exchange.respond(
          refuse(
              400,
              "The request body could not be read to its end ("
                  + e.getMessage()
                  + "). Send the whole body promptly, with a correct Content-Length.",
              cors));
      return;
    }
    if (body == null) {
      exchange.respond(tooLarge(cors));
      return;
    }
    post(exchange, body, auth.identity(), cors);
  }

  /** Checks what the headers decide about a POST: declared size, media types. */
  private HttpResponse checkHead(long contentLength, Headers headers, Map<String, String> cors) {
    if (contentLength > options.maxBodyBytes()) {
      return tooLarge(cors);
    }
    String contentType = headers.first("Content-Type");
    if (!MediaTypes.isJson(contentType)) {
      return refuse(
          415,
          "Content-Type must be application/json, got "
              + (contentType == null ? "none" : "'" + contentType + "'")
              + ".",
          cors);
    }
    String accept = headers.first("Accept");
    if (!MediaTypes.accepts(accept, MediaTypes.JSON)) {
      return refuse(
          406,
          "Accept must admit application/json (MCP clients send \"application/json, "
              + "text/event-stream\"), got '"
              + accept
              + "'.",
          cors);
    }
    return null;
  }

  private HttpResponse tooLarge(Map<String, String> cors) {
    return refuse(
        413,
        "The request body is larger than the "
            + options.maxBodyBytes()
            + " bytes this server accepts. Send smaller arguments, or raise the server's "
            + "maxBodyBytes.",
        cors);
  }

  /** Answers a POSTed JSON-RPC message whose head passed every check. */
  private void post(HttpExchange http, byte[] body, Identity identity, Map<String, String> cors)
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
    String sessionId = headers.first(SESSION_HEADER);
    String owner = identity.subject() + '\n' + (sessionId == null ? "" : sessionId.trim());
    boolean eventStream = MediaTypes.accepts(headers.first("Accept"), MediaTypes.EVENT_STREAM);
    if (!(message instanceof JsonRpcMessage.Request call)) {
      deliver(message, owner);
    } else {
      String negotiatedVersion = headers.first(ModernHeaders.PROTOCOL_VERSION);
      if (McpEngine.isModern(call, negotiatedVersion)) {
        String version = metaVersion(call);
        if (version != null) {
          try {
            ModernHeaders.check(headers, call, version);
          } catch (ProtocolException e) {
            http.respond(jsonRpcError(e, call.id(), cors));
            return;
          }
        }
      }
      if (http.streams() && eventStream) {
        stream(http, call, identity, owner, cors);
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
    int status = HttpRefusals.status(reply.error());
    if (!notifications.list.isEmpty() && eventStream) {
      http.respond(
          new HttpResponse(
              status,
              EventStreams.headers(responseHeaders),
              EventStreams.body(notifications.list, reply.json())));
      return;
    }
    responseHeaders.put("Content-Type", MediaTypes.JSON);
    http.respond(new HttpResponse(status, responseHeaders, reply.json()));
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
            EventStreams.headers(cors),
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
    if (live.finish(reply.json())) {
      return;
    }
    Map<String, String> responseHeaders = replyHeaders(reply, cors);
    responseHeaders.put("Content-Type", MediaTypes.JSON);
    http.respond(
        new HttpResponse(HttpRefusals.status(reply.error()), responseHeaders, reply.json()));
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
        headers.first(SESSION_HEADER),
        true,
        false,
        client,
        noStreamReason);
  }

  private Map<String, String> replyHeaders(Reply reply, Map<String, String> cors) {
    Map<String, String> headers = new LinkedHashMap<>(cors);
    if (reply.sessionId() != null) {
      headers.put(SESSION_HEADER, reply.sessionId());
    }
    if (reply.insufficientScope() != null) {
      headers.put(
          "WWW-Authenticate", authenticator.insufficientScopeChallenge(reply.insufficientScope()));
    }
    return headers;
  }

  /** Returns the HTTP status that answers a reply: 200 for results and in-band errors. */
  static int status(ErrorKind error) {
    return HttpRefusals.status(error);
  }

  /**
   * Returns the version a modern request's {@code _meta} names, or {@code null} when it names none.
   */
  private static String metaVersion(JsonRpcMessage.Request request) {
    JsonNode meta = request.params() == null ? null : request.params().get("_meta");
    JsonNode version = meta == null ? null : meta.get(McpEngine.META_PROTOCOL_VERSION);
    return version != null && version.isTextual() ? version.textValue() : null;
  }

  /**
   * The protected-resource metadata: public, so it is served before authentication, to any origin.
   */
  private HttpResponse resourceMetadata(String method) {
    String metadata = authenticator.protectedResourceMetadata();
    if (metadata == null) {
      return refusal(
          404, "This server publishes no protected-resource metadata: it does not use OAuth.");
    }
    if (!method.equals("GET")) {
      return refuse(405, "Protected-resource metadata is read with GET.", Map.of("Allow", "GET"));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", MediaTypes.JSON);
    headers.put("Access-Control-Allow-Origin", "*");
    headers.put("Cache-Control", "max-age=300");
    return new HttpResponse(200, headers, metadata.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code DELETE} with {@code Mcp-Session-Id}: 204 when the session was there and is now gone. */
  private HttpResponse endSession(Headers headers, Map<String, String> cors) {
    String id = headers.first(SESSION_HEADER);
    if (id == null || id.isBlank()) {
      return refuse(400, "DELETE ends a session: send the Mcp-Session-Id header naming it.", cors);
    }
    try {
      return engine.endSession(id.trim())
          ? new HttpResponse(204, cors, null)
          : jsonRpcError(McpEngine.sessionNotFound(), null, cors);
    } catch (ProtocolException e) {
      return jsonRpcError(e, null, cors);
    }
  }

  /** Collects a request's notifications for one buffered event-stream body. */
  private static final class BufferedNotifications implements NotificationSink {
    final List<String> list = new ArrayList<>(0);

    @Override
    public void send(String json) {
      list.add(json);
    }
  }

  private Map<String, String> corsHeaders(String origin) {
    if (!options.cors() || origin == null) {
      return Map.of();
    }
    Map<String, String> cors = new LinkedHashMap<>();
    cors.put("Access-Control-Allow-Origin", origin);
    cors.put("Access-Control-Expose-Headers", "Mcp-Session-Id, WWW-Authenticate");
    cors.put("Vary", "Origin");
    return cors;
  }

  /**
   * Returns the refusal of a request whose {@code Host} is not a loopback name, for adapters bound
   * to a loopback address, or {@code null} when the host is fine: a web page cannot reach such a
   * server through DNS rebinding. A request without {@code Host} passes.
   */
  public static HttpResponse loopbackHostRefusal(String host) {
    if (host == null || isLoopbackHost(host)) {
      return null;
    }
    return refusal(
        403,
        "Host '"
            + host
            + "' is not this server's: a server on a loopback address only answers requests "
            + "addressed to localhost, 127.0.0.1 or [::1].");
  }

  private static boolean isLoopbackHost(String host) {
    String name = host.trim().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      name = name.substring(0, name.indexOf(']') + 1);
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':'));
    }
    return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
  }

  /**
   * Returns a transport-level refusal: the status, and a JSON-RPC error without id (-32000) whose
   * message says what was wrong. Adapters use it for rules only they can check, such as a wrong
   * path or {@code Host}.
   */
  public static HttpResponse refusal(int status, String message) {
    return refuse(status, message, Map.of());
  }

  private static HttpResponse refuse(int status, String message, Map<String, String> headers) {
    return HttpRefusals.refuse(status, message, headers);
  }

  private static HttpResponse jsonRpcError(
      ProtocolException error, JsonNode id, Map<String, String> headers) {
    return HttpRefusals.jsonRpcError(error, id, headers);
  }
}
