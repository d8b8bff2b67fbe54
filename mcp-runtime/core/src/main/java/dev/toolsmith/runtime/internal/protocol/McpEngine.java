package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.LogLevel;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.session.Session;
import dev.toolsmith.runtime.session.SessionStoreException;
import dev.toolsmith.runtime.session.Sessions;
import dev.toolsmith.runtime.spi.CompletionRequest;
import dev.toolsmith.runtime.spi.ToolPack;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MCP protocol engine: takes one decoded JSON-RPC message and answers it in the era the client
 * speaks.
 *
 * <p>Transport-neutral: it reads no header and picks no HTTP status. The Streamable HTTP rules,
 * stdio and the Lambda adapter all call {@link #handle} with the message and an {@link Exchange}
 * that says what the transport knows; the reply names an {@link ErrorKind} for refusals, which each
 * transport answers its own way. Each request is routed once ({@link Route}). Requests whose {@code
 * _meta} names a protocol version, and every {@code server/discover}, are served on the modern
 * (2026-07-28) wire: validated {@code _meta}, {@code resultType} and server info on every result.
 * Everything else is the handshake era (2025-11-25 and before), whose results keep their legacy
 * shape ({@code ping} is exactly {@code {}}).
 *
 * <p>With sessions on, a handshake-era {@code initialize} on a transport that {@linkplain
 * Exchange#carriesSessions() carries sessions} starts one, whose id the reply carries for the
 * transport to return (HTTP: {@code Mcp-Session-Id}), and every later request must name a live one
 * ({@link ErrorKind#BAD_REQUEST} without, {@link ErrorKind#NOT_FOUND} for an unknown or expired
 * one). Modern requests have no protocol sessions; their session-taking tools use handles instead
 * (see {@link SessionHandles}).
 */
public final class McpEngine {
  /** The {@code _meta} member in which 2026-07-28 requests name their protocol version. */
  public static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";

  static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
  static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
  private static final String LEGACY_CANNOT_ANSWER =
      "handshake-era clients cannot answer in the middle of a request; the "
          + "client must speak "
          + ProtocolVersions.MODERN
          + ".";

  /** JSON-RPC error for an unknown or expired session, as the TypeScript SDK answers it. */
  static final int SESSION_NOT_FOUND = -32001;

  private final ServerInfo info;
  private final ToolRegistry tools;
  private final Catalog catalog;
  private final ToolInvoker invoker;
  private final ListOptions listOptions;
  private final Sessions sessions;
  private final RequestStates requestStates;

  /**
   * Returns an engine.
   *
   * @param info what the server says about itself
   * @param catalog the tools, resources and prompts it serves
   * @param listOptions page size and caching hints for list results
   * @param sessions the server's sessions, or {@code null} when it keeps none (then no tool may
   *     take one)
   * @param requestStates signs the state of multi-round-trip requests
   */
  public McpEngine(
      ServerInfo info,
      Catalog catalog,
      ListOptions listOptions,
      Sessions sessions,
      RequestStates requestStates) {
    ToolRegistry tools = catalog.tools();
    if (sessions == null && tools.usesSessions()) {
      throw new IllegalArgumentException("Some tools take a Session, so the engine needs sessions");
    }
    this.info = info;
    this.catalog = catalog;
    this.tools = tools;
    this.invoker = new ToolInvoker(tools, sessions == null ? null : new SessionHandles(sessions));
    this.listOptions = listOptions;
    this.sessions = sessions;
    this.requestStates = requestStates;
  }

  /** Returns whether handshake-era clients get sessions ({@code Mcp-Session-Id}). */
  public boolean keepsSessions() {
    return sessions != null;
  }

  /**
   * Ends a handshake-era session, as an HTTP {@code DELETE} asks.
   *
   * @return whether a live session was there
   * @throws ProtocolException {@link ErrorKind#UNAVAILABLE} when the session store is misconfigured
   */
  public boolean endSession(String id) {
    try {
      return sessions != null && sessions.end(id);
    } catch (SessionStoreException e) {
      throw storeFailure(e);
    }
  }

  /**
   * Answers one message.
   *
   * @param message the decoded message
   * @param exchange what the transport knows about it
   * @return the reply; {@link Reply#accepted()} for notifications and responses
   */
  public Reply handle(JsonRpcMessage message, Exchange exchange) {
    if (!(message instanceof JsonRpcMessage.Request request)) {
      return Reply.ACCEPTED;
    }
    try {
      Route route = Route.of(request.method());
      return isModern(request, exchange.negotiatedVersion())
          ? modern(request, route, exchange)
          : legacy(request, route, exchange);
    } catch (ProtocolException e) {
      return Reply.error(request.id(), e);
    }
  }

  /**
   * Returns whether a request is on the 2026-07-28 wire: every {@code server/discover}, a request
   * whose {@code _meta} names a protocol version, and one whose transport negotiated a modern
   * version. The Streamable HTTP rules ask too, to check a modern request's headers.
   */
  public static boolean isModern(JsonRpcMessage.Request request, String negotiatedVersion) {
    if ("server/discover".equals(request.method())) {
      return true;
    }
    JsonNode meta = param(request, "_meta");
    if (meta != null && meta.has(META_PROTOCOL_VERSION)) {
      return true;
    }
    return negotiatedVersion != null && ProtocolVersions.isModern(negotiatedVersion.trim());
  }

  private Reply modern(JsonRpcMessage.Request request, Route route, Exchange exchange) {
    JsonNode meta = param(request, "_meta");
    String version = requiredMetaText(meta, META_PROTOCOL_VERSION);
    JsonNode capabilities = meta.get(META_CLIENT_CAPABILITIES);
    if (capabilities == null || !capabilities.isObject()) {
      throw missingMeta(META_CLIENT_CAPABILITIES, "an object, {} when the client has none");
    }
    if (!ProtocolVersions.isModern(version)) {
      throw unsupportedVersion(version, ProtocolVersions.MODERN_VERSIONS);
    }
    if (route == null || !route.modern || !catalog.capabilities().has(route.feature)) {
      throw methodNotFoundModern(request.method());
    }
    CallContext context =
        new CallContext(
                request.id(),
                version,
                exchange.attributes(),
                capabilities,
                meta.get("progressToken"),
                exchange.notifications(),
                exchange.identity(),
                info.name())
            .logLevel(requestedLogLevel(meta));
    return Reply.result(
        request.id(), serve(route, request, context, true, null), info, exchange.resultOnly());
  }

  private Reply legacy(JsonRpcMessage.Request request, Route route, Exchange exchange) {
    String version = legacyVersion(route, exchange.negotiatedVersion());
    boolean withSessions = sessions != null && exchange.carriesSessions();
    Session session =
        withSessions && route != Route.INITIALIZE ? requireSession(exchange.sessionId()) : null;
    if (route == null || !route.legacy || !catalog.capabilities().has(route.feature)) {
      throw methodNotFoundLegacy(request.method());
    }
    JsonNode meta = param(request, "_meta");
    // A server answering each POST on its own cannot remember logging/setLevel, so it sends info
    // and above.
    CallContext context =
        new CallContext(
                request.id(),
                version,
                exchange.attributes(),
                null,
                meta == null ? null : meta.get("progressToken"),
                exchange.notifications(),
                exchange.identity(),
                info.name())
            .logLevel(LogLevel.INFO)
            .inputsUnavailable(LEGACY_CANNOT_ANSWER);
    Reply reply =
        Reply.result(
            request.id(),
            serve(route, request, context, false, session),
            null,
            exchange.resultOnly());
    return route == Route.INITIALIZE && withSessions ? reply.withSession(startSession()) : reply;
  }

  /**
   * Serves a routed request in either era. On the modern wire, {@code tools/call}, {@code
   * prompts/get} and {@code resources/read} may ask the client for input, and answer {@code
   * input_required} until it has given it.
   */
  private Result serve(
      Route route,
      JsonRpcMessage.Request request,
      CallContext context,
      boolean modern,
      Session session) {
    ListOptions caching = modern ? listOptions : null;
    switch (route) {
      case INITIALIZE:
        return initialize(request);
      case SERVER_DISCOVER:
        return new Result.Discover(info, catalog.capabilities(), listOptions);
      case PING:
        return Result.Empty.INSTANCE;
      case LOGGING_SET_LEVEL:
        requireLogLevel(param(request, "level"), "\"params.level\"");
        return Result.Empty.INSTANCE;
      case RESOURCES_SUBSCRIBE:
      case RESOURCES_UNSUBSCRIBE:
        catalog.resources().requireKnown(requiredText(request, "uri"));
        return Result.Empty.INSTANCE;
      case TOOLS_LIST:
        return new Result.ToolList(tools.page(cursor(request), listOptions.pageSize()), caching);
      case RESOURCES_LIST:
        return new Result.ResourceList(
            "resources",
            catalog.resources().resourcePage(cursor(request), listOptions.pageSize()),
            caching);
      case RESOURCES_TEMPLATES_LIST:
        return new Result.ResourceList(
            "resourceTemplates",
            catalog.resources().templatePage(cursor(request), listOptions.pageSize()),
            caching);
      case PROMPTS_LIST:
        return new Result.PromptList(
            catalog.prompts().page(cursor(request), listOptions.pageSize()), caching);
      case COMPLETION_COMPLETE:
        return complete(request);
      case TOOLS_CALL:
      case PROMPTS_GET:
      case RESOURCES_READ:
        return askingForInput(route, request, context, modern, session, caching);
      default:
        throw new AssertionError(route);
    }
  }

  /** Serves the methods that may ask the client for input before they answer. */
  private Result askingForInput(
      Route route,
      JsonRpcMessage.Request request,
      CallContext context,
      boolean modern,
      Session session,
      ListOptions caching) {
    String name = requiredText(request, route == Route.RESOURCES_READ ? "uri" : "name");
    CallInputs inputs = null;
    if (modern) {
      inputs = CallInputs.of(request, name, context.clientCapabilities(), requestStates);
      context.inputs(inputs);
    }
    try {
      switch (route) {
        case TOOLS_CALL:
          return callTool(request, name, context, session);
        case PROMPTS_GET:
          return new Result.PromptGet(
              catalog.prompts().render(name, param(request, "arguments"), context));
        default:
          return new Result.ResourceRead(catalog.resources().read(name, context, modern), caching);
      }
    } catch (InputRequiredSignal signal) {
      if (inputs == null) {
        throw new IllegalStateException("Only modern requests can ask for input", signal);
      }
      return new Result.InputRequired(
          signal.requests(), inputs.nextState(requestStates, Instant.now()));
    }
  }

  /**
   * Returns the log level a modern request asked for in its {@code _meta}, or {@code null} for
   * none.
   */
  private static LogLevel requestedLogLevel(JsonNode meta) {
    JsonNode level = meta.get(META_LOG_LEVEL);
    return level == null || level.isNull()
        ? null
        : requireLogLevel(level, "_meta[\"" + META_LOG_LEVEL + "\"]");
  }

  private static LogLevel requireLogLevel(JsonNode value, String where) {
    LogLevel level =
        value != null && value.isTextual() ? LogLevel.fromWire(value.textValue()) : null;
    if (level == null) {
      throw ProtocolException.invalidParams(
          where
              + " must be one of debug, info, notice, warning, error, critical, "
              + "alert, emergency"
              + (value == null ? "." : "; got " + Json.preview(value) + "."));
    }
    return level;
  }

  private static String legacyVersion(Route route, String negotiated) {
    if (negotiated == null || route == Route.INITIALIZE) {
      return ProtocolVersions.ASSUMED_WITHOUT_HEADER;
    }
    String version = negotiated.trim();
    if (!ProtocolVersions.isLegacy(version)) {
      throw unsupportedVersion(version, ProtocolVersions.LEGACY_VERSIONS);
    }
    return version;
  }

  private Result initialize(JsonRpcMessage.Request request) {
    JsonNode requested = param(request, "protocolVersion");
    String version =
        requested != null && ProtocolVersions.isLegacy(requested.asText())
            ? requested.asText()
            : ProtocolVersions.LATEST_LEGACY;
    return new Result.Initialize(version, info, catalog.capabilities());
  }

  /** Returns the request's {@code cursor}, or {@code null} for the first page. */
  private static String cursor(JsonRpcMessage.Request request) {
    JsonNode cursor = param(request, "cursor");
    if (cursor != null && !cursor.isNull() && !cursor.isTextual()) {
      throw ProtocolException.invalidParams(
          "\"cursor\" must be a string: the nextCursor of a previous "
              + request.method()
              + " result.");
    }
    return cursor == null || cursor.isNull() ? null : cursor.textValue();
  }

  /** Returns a required string member of the params, or fails with -32602 naming it. */
  private static String requiredText(JsonRpcMessage.Request request, String name) {
    JsonNode value = param(request, name);
    if (value == null || !value.isTextual()) {
      throw ProtocolException.invalidParams(
          request.method()
              + " needs \"params."
              + name
              + "\" as a string"
              + (value == null ? "." : ", got " + Json.preview(value) + "."));
    }
    return value.textValue();
  }

  /** {@code completion/complete}: finds the pack that owns the prompt or template, and asks it. */
  private Result complete(JsonRpcMessage.Request request) {
    JsonNode ref = param(request, "ref");
    JsonNode argument = param(request, "argument");
    String type = ref == null ? "" : ref.path("type").asText();
    boolean prompt = type.equals("ref/prompt");
    if (!prompt && !type.equals("ref/resource")) {
      throw ProtocolException.invalidParams(
          "completion/complete needs \"params.ref\" of type \"ref/prompt\" (with a name) "
              + "or \"ref/resource\" (with a uri).");
    }
    String reference = ref.path(prompt ? "name" : "uri").asText("");
    if (argument == null || !argument.path("name").isTextual()) {
      throw ProtocolException.invalidParams(
          "completion/complete needs \"params.argument\" with the name and value being typed.");
    }
    ToolPack pack =
        prompt
            ? catalog.prompts().packFor(reference)
            : catalog.resources().packForTemplate(reference);
    if (pack == null) {
      throw ProtocolException.invalidParams(
          prompt
              ? "No prompt named '" + reference + "' to complete an argument of."
              : "No resource template '"
                  + reference
                  + "' to complete a variable of; pass the uriTemplate as "
                  + "resources/templates/list gives it.");
    }
    Map<String, String> context = new LinkedHashMap<>();
    JsonNode given =
        param(request, "context") == null ? null : param(request, "context").get("arguments");
    if (given != null && given.isObject()) {
      for (Map.Entry<String, JsonNode> field : given.properties()) {
        context.put(field.getKey(), field.getValue().asText());
      }
    }
    try {
      return new Result.CompletionResult(
          pack.complete(
              new CompletionRequest(
                  prompt,
                  reference,
                  argument.path("name").textValue(),
                  argument.path("value").asText(""),
                  context)));
    } catch (ProtocolException e) {
      throw e;
    } catch (Exception | LinkageError | AssertionError e) {
      throw InternalErrors.protocolError(
          "Completing '" + argument.path("name").textValue() + "' of '" + reference + "'", e);
    }
  }

  private String startSession() {
    try {
      return sessions.start().id();
    } catch (SessionStoreException e) {
      throw storeFailure(e);
    }
  }

  /**
   * Returns the live session a handshake-era request names, or fails: bad request without one, not
   * found.
   */
  private Session requireSession(String id) {
    if (id == null || id.isBlank()) {
      throw new ProtocolException(
          ProtocolException.TRANSPORT_ERROR,
          ErrorKind.BAD_REQUEST,
          "Missing Mcp-Session-Id "
              + "header: this server keeps sessions, so send the Mcp-Session-Id that the initialize response returned, or "
              + "initialize again.",
          null);
    }
    Optional<Session> session;
    try {
      session = sessions.find(id.trim());
    } catch (SessionStoreException e) {
      throw storeFailure(e);
    }
    if (session.isEmpty()) {
      throw sessionNotFound();
    }
    return session.get();
  }

  /**
   * The answer to a request or {@code DELETE} naming a session that is not (or no longer) there.
   */
  public static ProtocolException sessionNotFound() {
    return new ProtocolException(
        SESSION_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "Session not found: the Mcp-Session-Id is unknown, has expired "
            + "or was ended. Send initialize again to start a new session.",
        null);
  }

  private static ProtocolException storeFailure(SessionStoreException e) {
    InternalErrors.logger()
        .log(System.Logger.Level.ERROR, "Session store failure: " + e.getMessage(), e);
    return new ProtocolException(
        ProtocolException.INTERNAL_ERROR, ErrorKind.UNAVAILABLE, e.getMessage(), null);
  }

  private Result callTool(
      JsonRpcMessage.Request request, String name, CallContext context, Session session) {
    JsonNode arguments = request.params().get("arguments");
    if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
      throw ProtocolException.invalidParams(
          "\"params.arguments\" must be an object of argument names to values, got "
              + arguments.getNodeType().name().toLowerCase()
              + ".");
    }
    return invoker.call(
        name, arguments == null || arguments.isNull() ? null : arguments, context, session);
  }

  /** Returns a member of the request's params, or {@code null} when it or the params are absent. */
  private static JsonNode param(JsonRpcMessage.Request request, String name) {
    return request.params() == null ? null : request.params().get(name);
  }

  private static String requiredMetaText(JsonNode meta, String field) {
    JsonNode value = meta == null ? null : meta.get(field);
    if (value == null || !value.isTextual()) {
      throw missingMeta(field, "a string such as \"" + ProtocolVersions.MODERN + "\"");
    }
    return value.textValue();
  }

  private static ProtocolException missingMeta(String field, String expected) {
    return new ProtocolException(
        ProtocolException.INVALID_PARAMS,
        ErrorKind.BAD_REQUEST,
        "Missing params._meta[\""
            + field
            + "\"]: 2026-07-28 requests carry it in every request's _meta, as "
            + expected
            + ".",
        null);
  }

  private static ProtocolException unsupportedVersion(String requested, List<String> supported) {
    ObjectNode data = Json.object();
    ArrayNode list = data.putArray("supported");
    for (String version : supported) {
      list.add(version);
    }
    data.put("requested", requested);
    return new ProtocolException(
        ProtocolException.UNSUPPORTED_PROTOCOL_VERSION,
        ErrorKind.BAD_REQUEST,
        "Unsupported protocol version '"
            + requested
            + "'. This server speaks "
            + String.join(", ", supported)
            + (supported == ProtocolVersions.MODERN_VERSIONS
                ? " with per-request _meta, and "
                    + String.join(", ", ProtocolVersions.LEGACY_VERSIONS)
                    + " after initialize."
                : " after initialize, and " + ProtocolVersions.MODERN + " with per-request _meta."),
        data);
  }

  private ProtocolException methodNotFoundModern(String method) {
    String hint =
        switch (method) {
          case "initialize" ->
              " 2026-07-28 has no initialize: call server/discover, or send initialize without _meta to speak "
                  + ProtocolVersions.LATEST_LEGACY
                  + ".";
          case "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe" ->
              " It was removed in 2026-07-28.";
          default -> "";
        };
    return new ProtocolException(
        ProtocolException.METHOD_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "Method '"
            + method
            + "' is not served on "
            + ProtocolVersions.MODERN
            + "."
            + hint
            + " Served: "
            + modernMethods()
            + ".",
        null);
  }

  /**
   * Handshake-era clients read HTTP 404 as "your session is gone, initialize again", so an unknown
   * method there is an ordinary, in-band JSON-RPC error.
   */
  private ProtocolException methodNotFoundLegacy(String method) {
    return new ProtocolException(
        ProtocolException.METHOD_NOT_FOUND,
        ErrorKind.IN_BAND,
        "Method '" + method + "' is not served. Served: " + legacyMethods() + ".",
        null);
  }

  private String modernMethods() {
    return "server/discover" + catalog.capabilities().methods();
  }

  private String legacyMethods() {
    return "initialize, ping, logging/setLevel"
        + catalog.capabilities().methods()
        + (catalog.capabilities().resources()
            ? ", resources/subscribe, resources/unsubscribe"
            : "");
  }
}
