package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.LogLevel;
import dev.toolsmith.runtime.PromptResult;
import dev.toolsmith.runtime.intercept.Invocation;
import dev.toolsmith.runtime.session.Session;
import dev.toolsmith.runtime.session.SessionLimitException;
import dev.toolsmith.runtime.session.SessionStoreException;
import dev.toolsmith.runtime.session.Sessions;
import java.time.Instant;
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
  private final ServerInfo info;
  private final ToolRegistry tools;
  private final Catalog catalog;
  private final ToolInvoker invoker;
  private final ListOptions listOptions;
  private final Sessions sessions;
  private final RequestStates requestStates;
  private final TaskEngine tasks;
  private final Subscriptions subscriptions = new Subscriptions();
  private final Interception interception;

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
    this(info, catalog, listOptions, sessions, requestStates, null, null, null);
  }

  /**
   * Returns an engine whose session-taking tools may be served without sessions.
   *
   * @param sessionsUnavailable why there are no sessions although some tools take one (the
   *     deployment configured no store): those tools answer with it as a tool error and every other
   *     tool, resource and prompt serves as usual; {@code null} when sessions are there or no tool
   *     needs them
   * @param tasks where the tasks of {@code @McpTask} tools are kept and run; {@code null} when no
   *     tool runs as a task
   * @param interception the interceptors around requests and invocations; {@code null} when none
   *     are installed, so a server without them loads none of their classes
   */
  public McpEngine(
      ServerInfo info,
      Catalog catalog,
      ListOptions listOptions,
      Sessions sessions,
      RequestStates requestStates,
      String sessionsUnavailable,
      TaskSettings tasks,
      Interception interception) {
    ToolRegistry tools = catalog.tools();
    if (sessions == null && tools.usesSessions() && sessionsUnavailable == null) {
      throw new IllegalArgumentException("Some tools take a Session, so the engine needs sessions");
    }
    if (tasks == null && tools.runsTasks()) {
      throw new IllegalArgumentException(
          "Some tools run as tasks, so the engine needs a task store");
    }
    this.info = info;
    this.catalog = catalog;
    this.tools = tools;
    this.interception = interception;
    this.invoker =
        new ToolInvoker(
            tools,
            sessions == null ? null : new SessionHandles(sessions),
            sessionsUnavailable,
            interception);
    this.listOptions = listOptions;
    this.sessions = sessions;
    this.requestStates = requestStates;
    this.tasks = tasks == null ? null : new TaskEngine(tasks, invoker, info.name());
  }

  /** Returns whether handshake-era clients get sessions ({@code Mcp-Session-Id}). */
  public boolean keepsSessions() {
    return sessions != null;
  }

  /**
   * Ends a handshake-era session of the caller's, as an HTTP {@code DELETE} asks. Another caller's
   * session is not theirs to end: they get the same answer as for an unknown one, and the session
   * (with its subscriptions) is left as it was.
   *
   * @throws ProtocolException {@link ErrorKind#NOT_FOUND} when the caller had no live session with
   *     the id, {@link ErrorKind#UNAVAILABLE} when the session store is misconfigured
   */
  public void endSession(String id, Identity caller) {
    boolean ended;
    try {
      ended = sessions != null && sessions.end(id, SessionOwners.of(caller));
    } catch (SessionStoreException e) {
      throw Refusals.storeFailure(e);
    }
    if (!ended) {
      throw Refusals.sessionNotFound();
    }
    subscriptions.forget(id);
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
    boolean modern = isModern(request, exchange.negotiatedVersion());
    if (interception == null) {
      return serve(request, modern, exchange, null);
    }
    RequestView view = new RequestView(request, exchange, modern);
    return interception.aroundRequest(view, () -> serve(request, modern, exchange, view));
  }

  private Reply serve(
      JsonRpcMessage.Request request, boolean modern, Exchange exchange, RequestView view) {
    try {
      Route route = Route.of(request.method());
      return modern
          ? modern(request, route, exchange, view)
          : legacy(request, route, exchange, view);
    } catch (ProtocolException e) {
      return Reply.error(request.id(), e);
    }
  }

  /**
   * Runs a task's tool in this thread, for a task launched elsewhere (another Lambda invocation).
   *
   * @throws IllegalStateException when no tool runs as a task
   */
  public void runTask(String taskId) {
    if (tasks == null) {
      throw new IllegalStateException("This server has no tool that runs as a task");
    }
    tasks.run(taskId);
  }

  /** Returns the arguments each tool mirrors into {@code Mcp-Param-*} headers (SEP-2243). */
  public ParamHeaders paramHeaders() {
    return catalog.tools().paramHeaders();
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
    JsonNode meta = request.param("_meta");
    if (meta != null && meta.has(META_PROTOCOL_VERSION)) {
      return true;
    }
    return negotiatedVersion != null && ProtocolVersions.isModern(negotiatedVersion.trim());
  }

  private Reply modern(
      JsonRpcMessage.Request request, Route route, Exchange exchange, RequestView view) {
    JsonNode meta = request.param("_meta");
    String version = RequestMeta.requiredText(meta, META_PROTOCOL_VERSION);
    JsonNode capabilities = meta.get(META_CLIENT_CAPABILITIES);
    if (capabilities == null || !capabilities.isObject()) {
      throw Refusals.missingMeta(
          META_CLIENT_CAPABILITIES, "an object, {} when the client has none");
    }
    if (!ProtocolVersions.isModern(version)) {
      throw Refusals.unsupportedVersion(version, ProtocolVersions.MODERN_VERSIONS);
    }
    if (route == null || !route.modern || !catalog.capabilities().has(route.feature)) {
      throw Refusals.methodNotFoundModern(request.method(), catalog.capabilities());
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
            .logLevel(RequestMeta.logLevel(meta))
            .client(exchange.client())
            .intercepted(view);
    return Reply.result(
        request.id(),
        serve(route, request, context, true, null),
        WireRevision.of(version),
        info,
        exchange.resultOnly());
  }

  private Reply legacy(
      JsonRpcMessage.Request request, Route route, Exchange exchange, RequestView view) {
    String version = legacyVersion(route, exchange.negotiatedVersion());
    boolean withSessions = sessions != null && exchange.carriesSessions();
    Session session =
        withSessions && route != Route.INITIALIZE
            ? requireSession(exchange.sessionId(), exchange.identity())
            : null;
    if (route == null || !route.legacy || !catalog.capabilities().has(route.feature)) {
      throw Refusals.methodNotFoundLegacy(request.method(), catalog.capabilities());
    }
    JsonNode meta = request.param("_meta");
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
            .intercepted(view);
    if (exchange.client() != null) {
      context.client(exchange.client()).inputs(new HeldInputs(exchange.client()));
    } else {
      context.noHeldStream(exchange.noStreamReason());
    }
    Reply reply =
        Reply.result(
            request.id(),
            serve(route, request, context, false, session),
            WireRevision.HANDSHAKE,
            info,
            exchange.resultOnly());
    return route == Route.INITIALIZE && withSessions
        ? reply.withSession(startSession(exchange.identity()))
        : reply;
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
        // Server notifications reach a handshake-era client only on its session's GET stream,
        // which only a transport that holds streams can keep open.
        return initialize(request, sessions != null && context.held());
      case SERVER_DISCOVER:
        return new Result.Discover(info, catalog.capabilities(), listOptions);
      case PING:
        return Result.Empty.INSTANCE;
      case LOGGING_SET_LEVEL:
        RequestMeta.requireLogLevel(request.param("level"), "\"params.level\"");
        return Result.Empty.INSTANCE;
      case RESOURCES_SUBSCRIBE:
      case RESOURCES_UNSUBSCRIBE:
        String uri = request.requiredText("uri");
        catalog.resources().requireKnown(uri);
        if (session != null) {
          subscriptions.change(session.id(), uri, route == Route.RESOURCES_SUBSCRIBE);
        }
        return Result.Empty.INSTANCE;
      case TOOLS_LIST:
        return new Result.ToolList(tools.page(request.cursor(), listOptions.pageSize()), caching);
      case RESOURCES_LIST:
        return new Result.ResourceList(
            "resources",
            catalog.resources().resourcePage(request.cursor(), listOptions.pageSize()),
            caching);
      case RESOURCES_TEMPLATES_LIST:
        return new Result.ResourceList(
            "resourceTemplates",
            catalog.resources().templatePage(request.cursor(), listOptions.pageSize()),
            caching);
      case PROMPTS_LIST:
        return new Result.PromptList(
            catalog.prompts().page(request.cursor(), listOptions.pageSize()), caching);
      case COMPLETION_COMPLETE:
        return Completions.complete(request, catalog);
      case TOOLS_CALL:
      case PROMPTS_GET:
      case RESOURCES_READ:
        return askingForInput(route, request, context, modern, session, caching);
      case TASKS_GET:
        return tasks.get(request, context);
      case TASKS_UPDATE:
        return tasks.update(request, context);
      case TASKS_CANCEL:
        return tasks.cancel(request, context);
      case SUBSCRIPTIONS_LISTEN:
        return tasks.listen(request, context);
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
    String name = request.requiredText(route == Route.RESOURCES_READ ? "uri" : "name");
    CallInputs inputs = null;
    if (modern) {
      inputs = CallInputs.of(request, name, context.clientCapabilities(), requestStates);
      context.inputs(inputs);
    }
    try {
      switch (route) {
        case TOOLS_CALL:
          return callTool(request, name, context, session, inputs);
        case PROMPTS_GET:
          return new Result.PromptGet(renderPrompt(name, request.param("arguments"), context));
        default:
          ResourceRegistry.Read read = readResource(name, context, modern);
          return new Result.ResourceRead(
              read.contents(), caching == null ? null : caching.forResource(read.resource()));
      }
    } catch (InputRequiredSignal signal) {
      if (inputs == null) {
        throw new IllegalStateException("Only modern requests can ask for input", signal);
      }
      return new Result.InputRequired(
          signal.requests(), inputs.nextState(requestStates, Instant.now()));
    }
  }

  private PromptResult renderPrompt(String name, JsonNode arguments, CallContext context) {
    if (interception == null) {
      return catalog.prompts().render(name, arguments, context);
    }
    return interception.around(
        new InvocationView(Invocation.Kind.PROMPT, name, arguments, context),
        () -> catalog.prompts().render(name, arguments, context));
  }

  private ResourceRegistry.Read readResource(String uri, CallContext context, boolean modern) {
    if (interception == null) {
      return catalog.resources().read(uri, context, modern);
    }
    return interception.around(
        new InvocationView(Invocation.Kind.RESOURCE, uri, null, context),
        () -> catalog.resources().read(uri, context, modern));
  }

  private static String legacyVersion(Route route, String negotiated) {
    if (negotiated == null || route == Route.INITIALIZE) {
      return ProtocolVersions.ASSUMED_WITHOUT_HEADER;
    }
    String version = negotiated.trim();
    if (!ProtocolVersions.isLegacy(version)) {
      throw Refusals.unsupportedVersion(version, ProtocolVersions.LEGACY_VERSIONS);
    }
    return version;
  }

  private Result initialize(JsonRpcMessage.Request request, boolean serverEvents) {
    JsonNode requested = request.param("protocolVersion");
    String version =
        requested != null && ProtocolVersions.isLegacy(requested.asText())
            ? requested.asText()
            : ProtocolVersions.LATEST_LEGACY;
    return new Result.Initialize(version, info, catalog.capabilities(), serverEvents);
  }

  private String startSession(Identity caller) {
    try {
      return sessions.start(SessionOwners.of(caller)).id();
    } catch (SessionStoreException e) {
      throw Refusals.storeFailure(e);
    } catch (SessionLimitException e) {
      throw Refusals.sessionLimit(e);
    }
  }

  /**
   * Returns the caller's live session that a handshake-era request names, or fails: {@link
   * ErrorKind#BAD_REQUEST} without an id, {@link ErrorKind#NOT_FOUND} for an unknown or expired
   * one, or another caller's. The HTTP rules ask it too, before they hold a session's {@code GET}
   * stream.
   */
  public Session requireSession(String id, Identity caller) {
    if (id == null || id.isBlank()) {
      throw Refusals.missingSession();
    }
    Optional<Session> session;
    try {
      session = sessions.find(id.trim(), SessionOwners.of(caller));
    } catch (SessionStoreException e) {
      throw Refusals.storeFailure(e);
    }
    if (session.isEmpty()) {
      throw Refusals.sessionNotFound();
    }
    return session.get();
  }

  /** Returns whether a session subscribed to a resource with {@code resources/subscribe}. */
  public boolean subscribed(String sessionId, String uri) {
    return subscriptions.has(sessionId, uri);
  }

  private Result callTool(
      JsonRpcMessage.Request request,
      String name,
      CallContext context,
      Session session,
      CallInputs inputs) {
    JsonNode arguments = request.params().get("arguments");
    if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
      throw ProtocolException.invalidParams(
          "\"params.arguments\" must be an object of argument names to values, got "
              + arguments.getNodeType().name().toLowerCase()
              + ".");
    }
    JsonNode given = arguments == null || arguments.isNull() ? null : arguments;
    ToolRegistry.Entry tool = invoker.admit(name, context.identity());
    if (tasks != null && tool.descriptor().runsAsTask()) {
      return tasks.call(tool, given, context, inputs);
    }
    return invoker.call(tool, given, context, session);
  }
}
