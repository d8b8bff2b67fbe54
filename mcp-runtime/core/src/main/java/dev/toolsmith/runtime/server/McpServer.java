package dev.toolsmith.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.NotificationSink;
import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpOptions;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.intercept.Interceptor;
import dev.toolsmith.runtime.internal.http.StreamableHttp;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.internal.lifecycle.Priming;
import dev.toolsmith.runtime.internal.protocol.Catalog;
import dev.toolsmith.runtime.internal.protocol.Exchange;
import dev.toolsmith.runtime.internal.protocol.Interception;
import dev.toolsmith.runtime.internal.protocol.InternalErrors;
import dev.toolsmith.runtime.internal.protocol.JsonRpcMessage;
import dev.toolsmith.runtime.internal.protocol.ListOptions;
import dev.toolsmith.runtime.internal.protocol.McpEngine;
import dev.toolsmith.runtime.internal.protocol.ProtocolException;
import dev.toolsmith.runtime.internal.protocol.Reply;
import dev.toolsmith.runtime.internal.protocol.RequestStates;
import dev.toolsmith.runtime.internal.protocol.ServerInfo;
import dev.toolsmith.runtime.internal.protocol.ToolRegistry;
import dev.toolsmith.runtime.internal.protocol.ToolRenames;
import dev.toolsmith.runtime.lifecycle.Lifespan;
import dev.toolsmith.runtime.session.SessionStore;
import dev.toolsmith.runtime.session.Sessions;
import dev.toolsmith.runtime.spi.ToolPack;
import dev.toolsmith.runtime.task.TaskLauncher;
import dev.toolsmith.runtime.task.TaskStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An MCP server: its tools, what it says about itself, and the rules it serves them under.
 *
 * <p>Build one per process and share it; it is immutable and thread-safe. Every adapter (the Lambda
 * handler, the local HTTP server, stdio) hands it requests, so a server behaves the same wherever
 * it runs.
 *
 * <pre>{@code
 * McpServer server = McpServer.builder()
 *     .name("weather")
 *     .version("1.0.0")
 *     .build();                       // tool packs on the classpath are found automatically
 * LocalMcpServer.start(server, 8080); // or extend McpLambdaHandler, or StdioMcpServer.run(server)
 * }</pre>
 */
public final class McpServer implements AutoCloseable {
  /** How long a client has to answer a multi-round-trip request before its state expires. */
  private static final Duration REQUEST_STATE_TTL = Duration.ofMinutes(10);

  private final ServerInfo info;
  private final ToolRegistry tools;
  private final McpEngine engine;
  private final StreamableHttp http;
  private final HttpOptions httpOptions;
  private final Sessions sessions;
  private final Lifespan lifespan;
  private final Priming priming;

  private McpServer(Builder builder, List<ToolPack> declaredPacks) {
    this.info = new ServerInfo(builder.name, builder.version, builder.instructions);
    List<ToolPack> packs = builder.renames.apply(declaredPacks);
    Catalog catalog = new Catalog(packs);
    this.tools = catalog.tools();
    SessionStore store =
        builder.sessionStore != null
            ? builder.sessionStore
            : tools.usesSessions() ? SessionStore.fromEnvironment() : null;
    String sessionsUnavailable = store == null ? null : Sessions.unavailableReason(store);
    this.sessions =
        store == null || sessionsUnavailable != null
            ? null
            : builder.sessionKey != null
                ? new Sessions(store, builder.sessionTtl, builder.sessionKey)
                : Sessions.fromEnvironment(store, builder.sessionTtl);
    RequestStates states =
        builder.requestStateKey != null
            ? new RequestStates(builder.requestStateKey, REQUEST_STATE_TTL)
            : RequestStates.fromEnvironment(REQUEST_STATE_TTL);
    this.engine =
        new McpEngine(
            info,
            catalog,
            // What an authenticating server answers may depend on who asks (scopes, identity),
            // so no shared cache may keep it for others.
            new ListOptions(
                builder.pageSize,
                builder.listTtl.toMillis(),
                builder.authenticator != Authenticator.NONE),
            sessions,
            states,
            sessionsUnavailable,
            tools.runsTasks()
                ? ServerTasks.settings(builder.taskStore, builder.taskLauncher, builder.taskTtl)
                : null,
            builder.interceptors.isEmpty() ? null : Interception.of(builder.interceptors));
    this.httpOptions =
        new HttpOptions(
            builder.maxBodyBytes,
            builder.allowedOrigins,
            builder.allowLocalhostOrigins,
            builder.cors,
            builder.clientAnswerTimeout,
            builder.keepAliveInterval);
    this.lifespan = builder.lifespan;
    List<String> names = builder.primingCalls.isEmpty() ? List.of() : toolNames();
    for (String tool : builder.primingCalls.keySet()) {
      if (!names.contains(tool)) {
        throw new IllegalArgumentException(
            "primingCall names tool '"
                + tool
                + "', which this server does not have; "
                + "its tools are "
                + names);
      }
    }
    this.priming = new Priming(builder.primingCalls, packs);
    Authenticator auth =
        builder.authenticator == Authenticator.NONE
            ? Authenticator.NONE
            : priming.guard(builder.authenticator);
    this.http = new StreamableHttp(engine, httpOptions, auth);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the server's name, as clients see it in {@code serverInfo.name}. */
  public String name() {
    return info.name();
  }

  /** Returns the server's version, as clients see it in {@code serverInfo.version}. */
  public String version() {
    return info.version();
  }

  /** Returns the names of the tools served, in {@code tools/list} order. */
  public List<String> toolNames() {
    List<String> names = new ArrayList<>();
    tools.tools().forEach(tool -> names.add(tool.name()));
    return names;
  }

  /**
   * Returns the server's sessions, or empty when it keeps none: no tool takes a {@link
   * dev.toolsmith.runtime.session.Session} and no store was configured.
   */
  public java.util.Optional<Sessions> sessions() {
    return java.util.Optional.ofNullable(sessions);
  }

  /** Returns the transport limits and browser rules. */
  public HttpOptions httpOptions() {
    return httpOptions;
  }

  /**
   * Answers one Streamable HTTP request; adapters call this with whatever arrived.
   *
   * <p>Never throws for client input: every rejection is a response with a status and a JSON-RPC
   * error that says what was wrong.
   */
  public HttpResponse handle(HttpRequest request) {
    return http.handle(request);
  }

  /**
   * Answers one HTTP exchange of a streaming server adapter: the head is checked before the body is
   * read, notifications are written as they happen, and handshake-era calls that ask the client for
   * input hold the response stream open until it answers. Toolsmith's Jetty server and servlet
   * adapter call this; so can any adapter that implements {@link HttpExchange}.
   *
   * <p>Never throws for client input.
   *
   * @throws IOException only when the client went away while it was being answered
   */
  public void serve(HttpExchange exchange) throws IOException {
    http.serve(exchange);
  }

  /**
   * Answers one JSON-RPC message that arrived without HTTP (stdio, a direct Lambda invoke). These
   * transports skip the Streamable HTTP rules on purpose: there are no headers, origins or media
   * types to check, and no session header, so the engine keeps no handshake-era session for them.
   *
   * @param json the message as UTF-8 JSON
   * @param attributes what the transport knows, for tools that ask (the Lambda {@code Context});
   *     {@code null} for nothing
   * @param notifications where the request's notifications go, in order, before the response;
   *     {@code null} drops them
   * @return the JSON-RPC response as UTF-8 JSON, or {@code null} for a notification
   */
  public byte[] handleMessage(
      byte[] json, TransportAttributes attributes, NotificationSink notifications) {
    JsonNode parsed;
    try {
      parsed = Json.parse(json);
    } catch (IOException e) {
      return Reply.error(null, ProtocolException.parseError("The message", e)).json();
    }
    return handleMessage(parsed, attributes, notifications);
  }

  /**
   * Answers one JSON-RPC message that has already been parsed, for adapters that had to read it to
   * recognise it (a direct Lambda invoke); see {@link #handleMessage(byte[], TransportAttributes,
   * NotificationSink)}.
   *
   * @return the JSON-RPC response as UTF-8 JSON, or {@code null} for a notification
   */
  public byte[] handleMessage(
      JsonNode message, TransportAttributes attributes, NotificationSink notifications) {
    try {
      Exchange exchange =
          Exchange.direct(
              attributes == null ? TransportAttributes.none() : attributes,
              notifications == null ? NotificationSink.DISCARD : notifications);
      return engine.handle(JsonRpcMessage.decode(message), exchange).json();
    } catch (ProtocolException e) {
      return Reply.error(echoableId(message), e).json();
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      // Fail closed: whatever broke below is logged once, and the client still gets an answer.
      return Reply.error(echoableId(message), InternalErrors.protocolError("The request", e))
          .json();
    }
  }

  private static JsonNode echoableId(JsonNode message) {
    JsonNode id = message.isObject() ? message.get("id") : null;
    return id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
  }

  /**
   * Calls one tool directly, as a Bedrock AgentCore Gateway target invocation does. The call goes
   * through the same engine entry as every other request, as a handshake-era {@code tools/call},
   * and the reply is the bare {@code CallToolResult} (no JSON-RPC envelope).
   *
   * @param tool the tool's name
   * @param arguments the arguments object, or {@code null}
   * @param attributes what the transport knows, for tools that ask (the Lambda {@code Context})
   * @return the {@code CallToolResult} as UTF-8 JSON
   * @throws ProtocolException when the call is refused, for example -32602 for an unknown tool
   */
  public byte[] callTool(String tool, JsonNode arguments, TransportAttributes attributes) {
    ObjectNode params = Json.object();
    params.put("name", tool);
    if (arguments != null) {
      params.set("arguments", arguments);
    }
    Exchange exchange =
        Exchange.direct(
                attributes == null ? TransportAttributes.none() : attributes,
                NotificationSink.DISCARD)
            .withResultOnly();
    Reply reply =
        engine.handle(
            new JsonRpcMessage.Request(IntNode.valueOf(0), "tools/call", params), exchange);
    if (reply.failure() != null) {
      throw reply.failure();
    }
    return reply.json();
  }

  /**
   * Tells handshake-era clients that the tool list changed ({@code
   * notifications/tools/list_changed}), on the {@code GET} streams their sessions hold. Only
   * servers with sessions, on a transport that holds streams (the Toolsmith HTTP server, the
   * servlet adapter, the local server), have such streams; elsewhere this reaches nobody.
   *
   * @return how many streams it reached
   */
  public int notifyToolsListChanged() {
    return http.notifySessions(
        NOTIFICATION_TOOLS_LIST_CHANGED.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        session -> true);
  }

  /**
   * Tells the handshake-era sessions that subscribed to a resource ({@code resources/subscribe})
   * that it changed ({@code notifications/resources/updated}), on their {@code GET} streams.
   *
   * @return how many streams it reached
   */
  public int notifyResourceUpdated(String uri) {
    ObjectNode params = Json.object().put("uri", Objects.requireNonNull(uri, "uri"));
    ObjectNode notification = Json.object().put("jsonrpc", "2.0");
    notification.put("method", "notifications/resources/updated").set("params", params);
    return http.notifySessions(
        Json.toBytes(notification), session -> engine.subscribed(session, uri));
  }

  /**
   * Ends the {@code GET} streams sessions hold for server notifications. A server adapter calls it
   * when it starts to shut down, so those streams, which never end by themselves, do not hold the
   * shutdown up; {@link #close()} ends them too.
   */
  public void endEventStreams() {
    http.close();
  }

  private static final String NOTIFICATION_TOOLS_LIST_CHANGED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}";

  /**
   * Returns the resources this server owns, closed by {@link #close()}; empty unless the builder
   * was given a {@link Lifespan}.
   */
  public Lifespan lifespan() {
    return lifespan;
  }

  /**
   * Returns the requests answered once before a SnapStart checkpoint; see {@link Priming}. For
   * {@code toolsmith-lambda}'s checkpoint hooks: the type is internal, not API.
   */
  public Priming priming() {
    return priming;
  }

  /**
   * Runs a task's tool here and now, for a task its {@link TaskLauncher} started elsewhere: the
   * Lambda adapter calls it in the invocation that {@code toolsmith-lambda-tasks} made for the
   * task. Returns when the run has ended (with a result, an input request or a failure, all written
   * to the task); a task that is not waiting to run, or is unknown, is left as it is.
   *
   * @throws IllegalStateException when this server has no tool that runs as a task
   */
  public void runTask(String taskId) {
    engine.runTask(Objects.requireNonNull(taskId, "taskId"));
  }

  /**
   * Stops the server for good: closes its lifespan's resources, last made first. Closing twice does
   * nothing.
   */
  @Override
  public void close() {
    http.close();
    lifespan.close();
  }

  @Override
  public String toString() {
    return "McpServer{"
        + info.name()
        + " "
        + info.version()
        + ", tools="
        + toolNames()
        + (sessions == null ? "" : ", sessions=" + sessions.store())
        + "}";
  }

  /** Configures a server. Not thread-safe; the server it builds is. */
  public static final class Builder {
    private String name;
    private String version = "0.0.0";
    private String instructions;
    private final List<ToolPack> packs = new ArrayList<>();
    private final ToolRenames renames = new ToolRenames();
    private final Set<Class<? extends ToolPack>> excludedPacks = new LinkedHashSet<>();
    private final Map<Class<?>, Object> provided = new LinkedHashMap<>();
    private boolean discover = true;
    private int maxBodyBytes = HttpOptions.DEFAULT_MAX_BODY_BYTES;
    private final Set<String> allowedOrigins = new LinkedHashSet<>();
    private boolean allowLocalhostOrigins = true;
    private boolean cors;
    private Duration clientAnswerTimeout = HttpOptions.DEFAULT_CLIENT_ANSWER_TIMEOUT;
    private Duration keepAliveInterval = HttpOptions.DEFAULT_KEEP_ALIVE_INTERVAL;
    private int pageSize = 100;
    private Duration listTtl = Duration.ofMinutes(5);
    private SessionStore sessionStore;
    private Duration sessionTtl = Duration.ofHours(24);
    private byte[] sessionKey;
    private TaskStore taskStore;
    private TaskLauncher taskLauncher;
    private Duration taskTtl = Duration.ofHours(1);
    private Authenticator authenticator = Authenticator.NONE;
    private byte[] requestStateKey;
    private Lifespan lifespan = new Lifespan();
    private final Map<String, String> primingCalls = new LinkedHashMap<>();
    private final List<Interceptor> interceptors = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the server's programmatic name, shown to clients as {@code serverInfo.name}. Required.
     */
    public Builder name(String name) {
      this.name = requireText(name, "name");
      return this;
    }

    /**
     * Sets the server's version, shown as {@code serverInfo.version}; {@code 0.0.0} when not set.
     */
    public Builder version(String version) {
      this.version = requireText(version, "version");
      return this;
    }

    /** Sets instructions that tell a model how to use this server's tools. */
    public Builder instructions(String instructions) {
      this.instructions = instructions;
      return this;
    }

    /**
     * Adds tool packs, for example {@code new BoardTools_McpTools(new BoardTools(dataSource))} for
     * a tool class that takes constructor arguments. Tools are listed in the order packs are added.
     */
    public Builder tools(ToolPack... packs) {
      for (ToolPack pack : packs) {
        this.packs.add(Objects.requireNonNull(pack, "pack"));
      }
      return this;
    }

    /**
     * Leaves out a pack found on the class path: {@code ServiceLoader} never creates it, so a pack
     * that brings tools you do not want, or needs settings you do not have, costs nothing.
     */
    public Builder excludePack(Class<? extends ToolPack> pack) {
      excludedPacks.add(Objects.requireNonNull(pack, "pack"));
      return this;
    }

    /**
     * Provides a value that discovered packs' tool classes take in their constructor, by the type
     * the constructor declares: a settings record, an HTTP client, a {@code DataSource}.
     *
     * <pre>{@code
     * McpServer.builder().name("shop")
     *     .provide(AcmeSettings.class, new AcmeSettings(System.getenv("ACME_API_KEY")))
     *     .build(); // AcmeTools(AcmeSettings settings) is discovered and built with it
     * }</pre>
     *
     * <p>A pack added with {@link #tools} already has its instance and is not rebuilt.
     */
    public <T> Builder provide(Class<T> type, T value) {
      provided.put(
          Objects.requireNonNull(type, "type"), type.cast(Objects.requireNonNull(value, "value")));
      return this;
    }

    /**
     * Leaves out a tool of a pack this server uses, by the name its pack gives it: for a pack that
     * brings a tool you do not want to serve, or one whose name clashes with another pack's.
     *
     * @throws IllegalArgumentException from {@link #build()} when no pack declares the tool
     */
    public Builder excludeTool(String tool) {
      renames.exclude(Objects.requireNonNull(tool, "tool"));
      return this;
    }

    /**
     * Serves a tool under another name, by the name its pack gives it; calls to the new name reach
     * it, and the old name is no longer served. Applied before the duplicate-name check.
     *
     * @throws IllegalArgumentException when the new name is not a valid tool name, or from {@link
     *     #build()} when no pack declares the tool
     */
    public Builder renameTool(String tool, String newName) {
      renames.rename(Objects.requireNonNull(tool, "tool"), newName);
      return this;
    }

    /**
     * Serves every tool of a pack class under a prefix, such as {@code acme_} for {@code
     * AcmeTools_McpTools}: the usual way to serve two packs whose tool names clash. A tool also
     * renamed with {@link #renameTool} takes that name instead.
     *
     * @throws IllegalArgumentException when the prefix cannot begin a tool name, or from {@link
     *     #build()} when the server has no pack of that class
     */
    public Builder prefixTools(Class<? extends ToolPack> pack, String prefix) {
      renames.prefix(
          Objects.requireNonNull(pack, "pack"), Objects.requireNonNull(prefix, "prefix"));
      return this;
    }

    /**
     * Sets whether tool packs listed in {@code META-INF/services} on the classpath are added too
     * (default {@code true}): a tool-pack jar on the classpath just works. Discovered packs come
     * after the ones added with {@link #tools}, ordered by class name; a pack of a class already
     * added is skipped.
     */
    public Builder discoverTools(boolean discover) {
      this.discover = discover;
      return this;
    }

    /**
     * Sets the largest request body accepted, in bytes (default 4 MiB); larger ones get HTTP 413.
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be at least 1, got " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Allows browser pages from these origins, such as {@code https://app.example.com}, or {@code
     * "*"} for any. Requests without an {@code Origin} header are always allowed; pages on
     * localhost are allowed unless {@link #allowLocalhostOrigins(boolean)} turns them off.
     */
    public Builder allowedOrigins(String... origins) {
      for (String origin : origins) {
        allowedOrigins.add(requireText(origin, "origin"));
      }
      return this;
    }

    /** Sets whether pages served from localhost may call the server (default {@code true}). */
    public Builder allowLocalhostOrigins(boolean allow) {
      this.allowLocalhostOrigins = allow;
      return this;
    }

    /** Answers CORS preflight requests and adds CORS headers for allowed origins (default off). */
    public Builder cors(boolean cors) {
      this.cors = cors;
      return this;
    }

    /**
     * Sets how long a handshake-era call on a held stream waits for the client to answer an input
     * request ({@code elicitation/create}, {@code sampling/createMessage}, {@code roots/list})
     * before it ends in a tool error (default 2 minutes).
     */
    public Builder clientAnswerTimeout(Duration timeout) {
      this.clientAnswerTimeout = requirePositive(timeout, "clientAnswerTimeout");
      return this;
    }

    /**
     * Sets how often a held stream that carries nothing gets a keep-alive comment (default 15
     * seconds): proxies keep the stream open, and a client that left is noticed and its call
     * cancelled.
     */
    public Builder keepAliveInterval(Duration interval) {
      this.keepAliveInterval = requirePositive(interval, "keepAliveInterval");
      return this;
    }

    private static Duration requirePositive(Duration duration, String name) {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + duration);
      }
      return duration;
    }

    /** Sets the most tools on one {@code tools/list} page (default 100). */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Sets how long modern clients may cache list results ({@code ttlMs}; default 5 minutes). */
    public Builder listTtl(Duration ttl) {
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("listTtl must not be negative, got " + ttl);
      }
      this.listTtl = ttl;
      return this;
    }

    /**
     * Keeps sessions in this store. Without it, a server whose tools take a {@link
     * dev.toolsmith.runtime.session.Session} uses {@link SessionStore#fromEnvironment()}: DynamoDB
     * when {@code MCP_SESSION_TABLE} is set, memory when running locally, and a loud refusal on
     * Lambda without a table. A server with a store gives handshake-era clients an {@code
     * Mcp-Session-Id} at {@code initialize} and requires it afterwards.
     */
    public Builder sessions(SessionStore store) {
      this.sessionStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Keeps sessions in this process's memory, at most {@code max} live ones and a tenth of them
     * per caller: short for {@code sessions(SessionStore.inMemory(max))}. Without any store
     * configured, a local server's in-memory store holds {@code MCP_MAX_SESSIONS} (default {@value
     * SessionStore#DEFAULT_MAX_SESSIONS}). Beyond the limit, {@code initialize} (or a call that
     * needs a new session) is refused with a JSON-RPC error and {@code Retry-After}: 429 when the
     * caller's share is used up, 503 when the server's is.
     */
    public Builder maxSessions(int max) {
      return sessions(SessionStore.inMemory(max));
    }

    /** Sets how long a session lives after its last use (default 24 hours). */
    public Builder sessionTtl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("sessionTtl must be positive, got " + ttl);
      }
      this.sessionTtl = ttl;
      return this;
    }

    /**
     * Sets the key that seals session ids (at least 32 bytes), so that on a store that {@linkplain
     * SessionStore#defersCreation() defers creation} (DynamoDB) a session starts without a write:
     * {@code initialize} answers without waiting for the database, and the session is written when
     * a tool first writes to it. Every instance serving the sessions must share the key. Without it
     * the key comes from {@code MCP_SESSION_KEY}; with neither, sessions are written when they
     * start.
     */
    public Builder sessionKey(byte[] key) {
      if (key.length < 32) {
        throw new IllegalArgumentException("sessionKey needs at least 32 bytes, got " + key.length);
      }
      this.sessionKey = key.clone();
      return this;
    }

    /**
     * Keeps the tasks of {@code @McpTask} tools in this store. Without it, a server with such tools
     * uses {@link TaskStore#fromEnvironment}: DynamoDB when {@code MCP_TASK_TABLE} is set, this
     * process's memory when running as one long-lived process, and a loud refusal on Lambda without
     * a table. See {@code docs/tasks.md}.
     */
    public Builder tasks(TaskStore store) {
      this.taskStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Starts the tasks of {@code @McpTask} tools with this launcher. Without it, they run on this
     * server's background threads (virtual threads on JDK 21 and later), and on AWS Lambda in an
     * asynchronous invocation of the same function ({@code toolsmith-lambda-tasks}).
     */
    public Builder taskLauncher(TaskLauncher launcher) {
      this.taskLauncher = Objects.requireNonNull(launcher, "launcher");
      return this;
    }

    /** Sets how long a task stays readable after it is created (default 1 hour). */
    public Builder taskTtl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("taskTtl must be positive, got " + ttl);
      }
      this.taskTtl = ttl;
      return this;
    }

    /**
     * Admits only HTTP requests this authenticator allows; the others get its refusal (401 with
     * {@code WWW-Authenticate} for a bearer token). Default: no authentication.
     */
    public Builder auth(Authenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /**
     * Requires {@code Authorization: Bearer <token>} with the token in {@code MCP_AUTH_TOKEN}, and
     * refuses every request when that variable is not set; see {@link BearerTokenAuthenticator}.
     */
    public Builder bearerTokenFromEnvironment() {
      return auth(BearerTokenAuthenticator.fromEnvironment());
    }

    /**
     * Sets the key that signs the {@code requestState} of multi-round-trip requests (at least 32
     * bytes). Every instance a client's retry may reach must share it; without it the key comes
     * from {@code MCP_REQUEST_STATE_KEY}, or is random per process, which suits one local server.
     */
    public Builder requestStateKey(byte[] key) {
      if (key.length < 32) {
        throw new IllegalArgumentException(
            "requestStateKey needs at least 32 bytes, got " + key.length);
      }
      this.requestStateKey = key.clone();
      return this;
    }

    /**
     * Gives the server the resources its tools use (a database pool, an HTTP client), made before
     * the server and handed to tool classes through their constructors. The server closes them when
     * it stops and, under SnapStart, lets them release connections before the snapshot.
     */
    public Builder lifespan(Lifespan lifespan) {
      this.lifespan = Objects.requireNonNull(lifespan, "lifespan");
      return this;
    }

    /**
     * Adds an interceptor around every request and every tool, prompt and resource invocation (see
     * {@link Interceptor}). Interceptors run in the order they are added before a request, and in
     * the reverse order after it: add the one that must see everything (a log, a trace) first, and
     * those that may refuse (rate limits, guardrails) after it, so refusals are logged too.
     */
    public Builder interceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * Calls this tool once before a SnapStart checkpoint, after {@code server/discover} and {@code
     * tools/list}, so the snapshot has run it and what it uses, such as a first query through the
     * database driver. The call really runs: name tools that only read.
     *
     * @param tool the tool's name
     * @param argumentsJson its arguments object, such as {@code "{}"}
     */
    public Builder primingCall(String tool, String argumentsJson) {
      primingCalls.put(
          requireText(tool, "tool"), Objects.requireNonNull(argumentsJson, "argumentsJson"));
      return this;
    }

    /**
     * Returns the server.
     *
     * @throws IllegalStateException when no name was set; when discovery is on and the server would
     *     serve nothing at all (no pack was added and none was found on the class path); or when a
     *     discovered pack's tool class needs a value nothing {@linkplain #provide provides}
     * @throws IllegalArgumentException when two tools share a name, or a pack added with {@link
     *     #tools} is also excluded
     */
    public McpServer build() {
      if (name == null) {
        throw new IllegalStateException(
            "The server needs a name: call name(\"my-server\") before build().");
      }
      List<ToolPack> all = ServerPacks.assemble(packs, discover, excludedPacks, provided);
      McpServer server = new McpServer(this, all);
      ServerPacks.log(name, all);
      return server;
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return value;
    }
  }
}
