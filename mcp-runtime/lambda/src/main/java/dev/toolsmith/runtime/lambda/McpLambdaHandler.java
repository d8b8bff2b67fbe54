package dev.toolsmith.runtime.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.NotificationSink;
import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.internal.protocol.ProtocolException;
import dev.toolsmith.runtime.internal.protocol.Reply;
import dev.toolsmith.runtime.lifecycle.Lifespan;
import dev.toolsmith.runtime.server.McpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An AWS Lambda handler that serves an {@link McpServer}; extend it and pass your server to the
 * constructor.
 *
 * <pre>{@code
 * public final class WeatherHandler extends McpLambdaHandler {
 *   public WeatherHandler() {
 *     super(McpServer.builder().name("weather").version("1.0.0").build());
 *   }
 * }
 * }</pre>
 *
 * <p>The server is built once, when Lambda constructs the handler, and reused by every warm
 * invocation (and captured by a SnapStart snapshot). One handler accepts every way MCP reaches a
 * function, recognised from the event itself:
 *
 * <ul>
 *   <li>API Gateway REST API (payload 1.0), HTTP API (2.0) and Function URLs, and ALB with single-
 *       or multi-value headers, base64 bodies included: served by the Streamable HTTP rules and
 *       answered in the event source's response shape;
 *   <li>a Bedrock AgentCore Gateway target invocation, recognised by the {@code
 *       bedrockAgentCoreToolName} key of the client context: the event is the tool's arguments, the
 *       tool is named {@code <target>___<tool>}, and the reply is the {@code CallToolResult};
 *   <li>a JSON-RPC message as the whole event (Lambda's Invoke API): answered with the JSON-RPC
 *       response.
 * </ul>
 */
public abstract class McpLambdaHandler implements RequestStreamHandler {
  /** The client-context key under which AgentCore Gateway names the tool to call. */
  public static final String AGENTCORE_TOOL_NAME = "bedrockAgentCoreToolName";

  private static final String AGENTCORE_SEPARATOR = "___";

  /**
   * The variable that decides whether direct invokes are served: {@code iam} (the default) serves
   * them, authenticated by IAM alone; {@code refuse} answers only HTTP events, whose requests pass
   * the server's authenticator.
   */
  public static final String DIRECT_INVOKES_VARIABLE = "MCP_DIRECT_INVOKES";

  /**
   * The field of the event with which a task's own invocation names the task to run: {@code
   * {"toolsmithRunTask": "<taskId>"}}, sent by {@code toolsmith-lambda-tasks} as an asynchronous
   * invoke of this function. It runs only a task that an authenticated request created and that is
   * waiting to run, as that request's caller; its id is unguessable.
   */
  public static final String RUN_TASK_FIELD = "toolsmithRunTask";

  private final McpServer server;
  private final boolean directInvokes = directInvokes(System.getenv(DIRECT_INVOKES_VARIABLE));

  /** Held strongly: the CRaC context keeps its resources only weakly. */
  private final SnapStartHooks snapStart;

  /**
   * Serves the given server; build it here, once, not per invocation.
   *
   * <p>When the server has a {@link Lifespan} with resources in it, they are closed when Lambda
   * shuts the runtime down. When Lambda is creating a SnapStart snapshot, the handler also
   * registers for the checkpoint: before it, the server's priming requests run through this handler
   * and the resources release their connections; after restore, they re-establish.
   */
  protected McpLambdaHandler(McpServer server) {
    this.server = Objects.requireNonNull(server, "server");
    if (!server.lifespan().isEmpty()) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(new LifespanShutdown(server), "toolsmith-lifespan-shutdown"));
    }
    // Only SnapStartHooks touches org.crac, so an on-demand cold start never loads it.
    this.snapStart = Lifespan.snapshotting(System.getenv()) ? SnapStartHooks.register(this) : null;
  }

  private static final byte[] RUN_TASK_DONE = "{}".getBytes(StandardCharsets.UTF_8);

  private static final String DIRECT_INVOKES_REFUSED =
      "This function serves MCP only through its HTTP endpoint, where every request passes the "
          + "server's authenticator ("
          + DIRECT_INVOKES_VARIABLE
          + "=refuse). Call it through its API Gateway route or Function URL.";

  static boolean directInvokes(String setting) {
    if (setting == null || setting.isBlank() || setting.trim().equalsIgnoreCase("iam")) {
      return true;
    }
    if (setting.trim().equalsIgnoreCase("refuse")) {
      return false;
    }
    throw new IllegalStateException(
        DIRECT_INVOKES_VARIABLE
            + " must be 'iam' (serve direct invokes and AgentCore Gateway targets, authenticated "
            + "by IAM) or 'refuse' (serve only HTTP events), got '"
            + setting
            + "'.");
  }

  /**
   * Returns whether direct JSON-RPC invokes and Bedrock AgentCore Gateway target events are served.
   * They carry no HTTP headers, so the server's authenticator cannot check them: IAM's {@code
   * lambda:InvokeFunction} is their only gate. From {@code MCP_DIRECT_INVOKES} ({@code iam}, the
   * default, or {@code refuse}); override to decide in code.
   */
  protected boolean servesDirectInvokes() {
    return directInvokes;
  }

  /** Returns the server this handler serves. */
  public final McpServer server() {
    return server;
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String agentCoreTool = agentCoreTool(context);
    if (agentCoreTool != null && !servesDirectInvokes()) {
      throw new IllegalArgumentException(DIRECT_INVOKES_REFUSED);
    }
    TransportAttributes lambda = TransportAttributes.of(context, LambdaInvocation.begin(context));
    if (agentCoreTool != null) {
      output.write(agentCore(agentCoreTool, input.readAllBytes(), lambda));
    } else {
      event(input, lambda, output);
    }
  }

  private void event(InputStream input, TransportAttributes lambda, OutputStream output)
      throws IOException {
    // The usual case, API Gateway, a Function URL or ALB, without a tree of the whole event.
    // The buffer goes back as soon as the event is read: nothing read from it refers to it, so it
    // is neither held through the tool call nor left holding the token meanwhile.
    EventBytes bytes = EventBytes.read(input);
    HttpEventReader.Event http;
    byte[] payload = null;
    try {
      http = HttpEventReader.read(bytes.array(), bytes.length());
      if (http == null) {
        payload = bytes.copy();
      }
    } finally {
      bytes.release();
    }
    if (http != null) {
      HttpEvents.response(server.handle(http.request(lambda)), http.shape(), output);
      return;
    }
    JsonNode event = parseEvent(payload);
    if (event.isObject() && event.has("jsonrpc")) {
      if (!servesDirectInvokes()) {
        output.write(
            Reply.error(null, ProtocolException.invalidRequest(DIRECT_INVOKES_REFUSED)).json());
        return;
      }
      byte[] reply = server.handleMessage(event, lambda, NotificationSink.DISCARD);
      if (reply != null) {
        output.write(reply);
      }
      return;
    }
    JsonNode task = event.get(RUN_TASK_FIELD);
    if (task != null && task.isTextual() && event.size() == 1) {
      server.runTask(task.textValue());
      output.write(RUN_TASK_DONE);
      return;
    }
    EventShape shape = event.isObject() ? HttpEvents.shapeOf(event) : null;
    if (shape == null) {
      throw new IllegalArgumentException(
          "Unrecognised Lambda event with fields ["
              + fieldNames(event)
              + "]. "
              + "This handler serves API Gateway REST and HTTP APIs, Function URLs, ALB, Bedrock AgentCore Gateway "
              + "targets and JSON-RPC messages sent with Invoke.");
    }
    HttpEvents.response(server.handle(HttpEvents.request(event, shape, lambda)), shape, output);
  }

  private byte[] agentCore(String qualifiedTool, byte[] payload, TransportAttributes lambda)
      throws IOException {
    int separator = qualifiedTool.indexOf(AGENTCORE_SEPARATOR);
    if (separator < 0) {
      throw new IllegalArgumentException(
          "AgentCore tool name '"
              + qualifiedTool
              + "' has no '"
              + AGENTCORE_SEPARATOR
              + "': AgentCore Gateway names tools <target>"
              + AGENTCORE_SEPARATOR
              + "<tool>.");
    }
    String tool = qualifiedTool.substring(separator + AGENTCORE_SEPARATOR.length());
    JsonNode arguments = payload.length == 0 ? null : parseEvent(payload);
    if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
      throw new IllegalArgumentException(
          "An AgentCore Gateway target event must be the tool's arguments object, got "
              + arguments.getNodeType().name().toLowerCase()
              + ".");
    }
    try {
      return server.callTool(
          tool, arguments == null || arguments.isNull() ? null : arguments, lambda);
    } catch (ProtocolException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String agentCoreTool(Context context) {
    ClientContext client = context == null ? null : context.getClientContext();
    Map<String, String> custom = client == null ? null : client.getCustom();
    return custom == null ? null : custom.get(AGENTCORE_TOOL_NAME);
  }

  private static JsonNode parseEvent(byte[] payload) throws IOException {
    try {
      return Json.parse(payload);
    } catch (IOException e) {
      throw new IOException(ProtocolException.parseError("The Lambda event", e).getMessage(), e);
    }
  }

  private static String fieldNames(JsonNode event) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = event.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return String.join(", ", names);
  }
}
