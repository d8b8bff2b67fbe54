package dev.toolsmith.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpOptions;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.protocol.InternalErrors;
import dev.toolsmith.runtime.internal.protocol.McpEngine;
import dev.toolsmith.runtime.internal.protocol.ProtocolException;
import dev.toolsmith.runtime.internal.protocol.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
 * then the protocol engine, whose refusals it maps to statuses ({@code HttpRefusals.status}). A
 * notification is acknowledged with 202 and no body. A request that produced notifications is
 * answered with one buffered {@code text/event-stream} body holding them and then the response; any
 * other with {@code application/json}.
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
  private final PostedMessages messages;
  private final ServerEvents events;

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
    this.messages = new PostedMessages(engine, options, authenticator);
    this.events = new ServerEvents(options.keepAliveInterval());
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
   * <p>Fails closed: a failure nobody expected anywhere below (an authenticator, a store, the
   * engine) is logged once with an error id, and the client gets a JSON-RPC internal error (500)
   * naming that id, or, when the response had already begun, the stream ends.
   *
   * @throws IOException only when the client went away while it was being answered
   */
  public void serve(HttpExchange exchange) throws IOException {
    TrackedExchange tracked = new TrackedExchange(exchange);
    try {
      answer(tracked);
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      ProtocolException internal = InternalErrors.protocolError("The request", e);
      if (!tracked.answered()) {
        exchange.respond(HttpRefusals.jsonRpcError(500, Reply.error(null, internal), Map.of()));
      } else {
        tracked.endStream();
      }
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
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
              "Origin "
                  + HttpRefusals.quote(origin)
                  + " is not allowed to call this server. Add it to the server's "
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
    AuthDecision auth = authenticator.authenticate(headers, exchange.attributes());
    if (!auth.allowed()) {
      Map<String, String> challenge = new LinkedHashMap<>(cors);
      if (auth.challenge() != null) {
        challenge.put("WWW-Authenticate", auth.challenge());
      }
      exchange.respond(refuse(auth.status(), auth.message(), challenge));
      return;
    }
    if (method.equals("DELETE") && engine.keepsSessions()) {
      exchange.respond(endSession(headers, auth.identity(), cors));
      return;
    }
    boolean serverEvents = engine.keepsSessions() && exchange.streams();
    if (method.equals("GET") && serverEvents) {
      holdEvents(exchange, headers, auth.identity(), cors);
      return;
    }
    if (!method.equals("POST")) {
      Map<String, String> extra = new LinkedHashMap<>(cors);
      extra.put("Allow", serverEvents ? "GET, " + allow : allow);
      exchange.respond(
          refuse(
              405,
              "HTTP "
                  + method
                  + " is not supported. Send JSON-RPC messages with POST"
                  + (serverEvents
                      ? "; GET with Mcp-Session-Id opens a session's stream of server "
                          + "notifications."
                      : ": this server answers each POST with its own response and keeps no "
                          + "stream for server notifications."),
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
    messages.answer(exchange, body, auth.identity(), cors);
  }

  /**
   * {@code GET} with a live session: holds the session's stream for server notifications until the
   * client leaves or the server stops.
   */
  private void holdEvents(
      HttpExchange exchange, Headers headers, Identity caller, Map<String, String> cors)
      throws IOException {
    if (!MediaTypes.accepts(headers.first("Accept"), MediaTypes.EVENT_STREAM)) {
      exchange.respond(
          refuse(
              406,
              "GET opens the session's stream of server notifications: Accept must admit "
                  + "text/event-stream.",
              cors));
      return;
    }
    String sessionId = headers.first(SESSION_HEADER);
    try {
      engine.requireSession(sessionId, caller);
    } catch (ProtocolException e) {
      exchange.respond(jsonRpcError(e, null, cors));
      return;
    }
    events.hold(sessionId.trim(), exchange, cors);
  }

  /**
   * Sends a server notification to the held {@code GET} streams of the sessions the filter accepts.
   *
   * @return how many streams it reached
   */
  public int notifySessions(byte[] notification, java.util.function.Predicate<String> sessions) {
    return events.send(notification, sessions);
  }

  /** Ends the held {@code GET} streams, as the server stops. */
  public void close() {
    events.close();
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
              + (contentType == null ? "none" : HttpRefusals.quote(contentType))
              + ".",
          cors);
    }
    String accept = headers.first("Accept");
    if (!MediaTypes.accepts(accept, MediaTypes.JSON)) {
      return refuse(
          406,
          "Accept must admit application/json (MCP clients send \"application/json, "
              + "text/event-stream\"), got "
              + (accept == null ? "none" : HttpRefusals.quote(accept))
              + ".",
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

  /**
   * {@code DELETE} with {@code Mcp-Session-Id}: 204 when the caller's session was there and is now
   * gone; 404 for an unknown one and for another caller's, which stays.
   */
  private HttpResponse endSession(Headers headers, Identity caller, Map<String, String> cors) {
    String id = headers.first(SESSION_HEADER);
    if (id == null || id.isBlank()) {
      return refuse(400, "DELETE ends a session: send the Mcp-Session-Id header naming it.", cors);
    }
    try {
      engine.endSession(id.trim(), caller);
      return new HttpResponse(204, cors, null);
    } catch (ProtocolException e) {
      return jsonRpcError(e, null, cors);
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
   * Returns the refusal of a request whose {@code Host} is not a loopback name, or {@code null};
   * see {@link LoopbackHosts}.
   */
  public static HttpResponse loopbackHostRefusal(String host) {
    return LoopbackHosts.refusal(host);
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
