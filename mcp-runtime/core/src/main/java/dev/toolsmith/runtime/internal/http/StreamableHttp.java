package dev.toolsmith.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.NotificationSink;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpOptions;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.internal.protocol.ErrorKind;
import dev.toolsmith.runtime.internal.protocol.Exchange;
import dev.toolsmith.runtime.internal.protocol.JsonRpcMessage;
import dev.toolsmith.runtime.internal.protocol.McpEngine;
import dev.toolsmith.runtime.internal.protocol.ProtocolException;
import dev.toolsmith.runtime.internal.protocol.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** Answers one HTTP request; never throws for anything a client can send. */
  public HttpResponse handle(HttpRequest request) {
    if (request.path() != null && request.path().startsWith(RESOURCE_METADATA_PATH)) {
      return resourceMetadata(request);
    }
    Headers headers = request.headers();
    String origin = headers.first("Origin");
    if (!origins.allows(origin)) {
      return refuse(
          403,
          "Origin '"
              + origin
              + "' is not allowed to call this server. Add it to the server's "
              + "allowed origins if this browser page is yours.",
          Map.of());
    }
    Map<String, String> cors = corsHeaders(origin);
    String method = request.method();
    if (method.equals("OPTIONS") && options.cors()) {
      Map<String, String> preflight = new LinkedHashMap<>(cors);
      preflight.put("Access-Control-Allow-Methods", allow);
      preflight.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
      preflight.put("Access-Control-Max-Age", "600");
      return new HttpResponse(204, preflight, null);
    }
    AuthDecision auth = authenticator.authenticate(headers);
    if (!auth.allowed()) {
      Map<String, String> challenge = new LinkedHashMap<>(cors);
      if (auth.challenge() != null) {
        challenge.put("WWW-Authenticate", auth.challenge());
      }
      return refuse(auth.status(), auth.message(), challenge);
    }
    if (method.equals("DELETE") && engine.keepsSessions()) {
      return endSession(headers, cors);
    }
    if (!method.equals("POST")) {
      Map<String, String> extra = new LinkedHashMap<>(cors);
      extra.put("Allow", allow);
      return refuse(
          405,
          "HTTP "
              + method
              + " is not supported: this server answers each POST with one "
              + "response and keeps no event stream open. Send JSON-RPC messages with POST.",
          extra);
    }
    if (request.body().length > options.maxBodyBytes()) {
      return refuse(
          413,
          "The request body is larger than the "
              + options.maxBodyBytes()
              + " bytes this server "
              + "accepts. Send smaller arguments, or raise the server's maxBodyBytes.",
          cors);
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
    JsonNode json;
    try {
      json = Json.parse(request.body());
    } catch (IOException e) {
      return jsonRpcError(ProtocolException.parseError("The body", e), cors);
    }
    JsonRpcMessage message;
    try {
      message = JsonRpcMessage.decode(json);
    } catch (ProtocolException e) {
      return jsonRpcError(e, cors);
    }
    String negotiatedVersion = headers.first(ModernHeaders.PROTOCOL_VERSION);
    if (message instanceof JsonRpcMessage.Request call
        && McpEngine.isModern(call, negotiatedVersion)) {
      String version = metaVersion(call);
      if (version != null) {
        try {
          ModernHeaders.check(headers, call, version);
        } catch (ProtocolException e) {
          return jsonRpcError(e, call.id(), cors);
        }
      }
    }
    BufferedNotifications notifications = new BufferedNotifications();
    Exchange exchange =
        new Exchange(
            auth.identity(),
            request.attributes().with(headers),
            notifications,
            negotiatedVersion,
            headers.first(SESSION_HEADER),
            true,
            false);
    Reply reply = engine.handle(message, exchange);
    if (reply.accepted()) {
      return new HttpResponse(202, cors, null);
    }
    Map<String, String> responseHeaders = new LinkedHashMap<>(cors);
    if (reply.sessionId() != null) {
      responseHeaders.put(SESSION_HEADER, reply.sessionId());
    }
    if (reply.insufficientScope() != null) {
      responseHeaders.put(
          "WWW-Authenticate", authenticator.insufficientScopeChallenge(reply.insufficientScope()));
    }
    int status = status(reply.error());
    if (!notifications.list.isEmpty() && MediaTypes.accepts(accept, MediaTypes.EVENT_STREAM)) {
      responseHeaders.put("Content-Type", MediaTypes.EVENT_STREAM);
      responseHeaders.put("Cache-Control", "no-cache");
      responseHeaders.put("X-Accel-Buffering", "no");
      return new HttpResponse(
          status, responseHeaders, eventStream(notifications.list, reply.json()));
    }
    responseHeaders.put("Content-Type", MediaTypes.JSON);
    return new HttpResponse(status, responseHeaders, reply.json());
  }

  /** Returns the HTTP status that answers a reply: 200 for results and in-band errors. */
  static int status(ErrorKind error) {
    if (error == null) {
      return 200;
    }
    switch (error) {
      case BAD_REQUEST:
        return 400;
      case NOT_FOUND:
        return 404;
      case FORBIDDEN:
        return 403;
      case UNAVAILABLE:
        return 503;
      default:
        return 200;
    }
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
  private HttpResponse resourceMetadata(HttpRequest request) {
    String metadata = authenticator.protectedResourceMetadata();
    if (metadata == null) {
      return refusal(
          404, "This server publishes no protected-resource metadata: it does not use OAuth.");
    }
    if (!request.method().equals("GET")) {
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
          : jsonRpcError(McpEngine.sessionNotFound(), cors);
    } catch (ProtocolException e) {
      return jsonRpcError(e, cors);
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

  private static final byte[] EVENT_START =
      "event: message\ndata: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

  private static byte[] eventStream(List<String> notifications, byte[] response) {
    ByteArrayOutputStream body =
        new ByteArrayOutputStream(response.length + 64 * (notifications.size() + 1));
    for (String notification : notifications) {
      body.writeBytes(EVENT_START);
      body.writeBytes(notification.getBytes(StandardCharsets.UTF_8));
      body.writeBytes(EVENT_END);
    }
    body.writeBytes(EVENT_START);
    body.writeBytes(response);
    body.writeBytes(EVENT_END);
    return body.toByteArray();
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
   * Returns a transport-level refusal: the status, and a JSON-RPC error without id (-32000) whose
   * message says what was wrong. Adapters use it for rules only they can check, such as a wrong
   * path or {@code Host}.
   */
  public static HttpResponse refusal(int status, String message) {
    return refuse(status, message, Map.of());
  }

  private static HttpResponse refuse(int status, String message, Map<String, String> headers) {
    ProtocolException error =
        new ProtocolException(
            ProtocolException.TRANSPORT_ERROR, ErrorKind.BAD_REQUEST, message, null);
    return jsonRpcError(status, Reply.error(null, error), headers);
  }

  private static HttpResponse jsonRpcError(ProtocolException error, Map<String, String> headers) {
    return jsonRpcError(error, null, headers);
  }

  private static HttpResponse jsonRpcError(
      ProtocolException error, JsonNode id, Map<String, String> headers) {
    return jsonRpcError(status(error.kind()), Reply.error(id, error), headers);
  }

  private static HttpResponse jsonRpcError(int status, Reply reply, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", MediaTypes.JSON);
    return new HttpResponse(status, all, reply.json());
  }
}
