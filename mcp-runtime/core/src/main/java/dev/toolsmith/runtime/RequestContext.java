package dev.toolsmith.runtime;

import java.util.Optional;

/**
 * What a tool may know about the request that called it, and how it reports progress.
 *
 * <p>Declare a parameter of this type on an {@code @McpTool} method and the runtime passes the
 * current request's context; the parameter is not part of the tool's input schema.
 *
 * <pre>{@code
 * @McpTool
 * String export(String table, RequestContext context) {
 *   context.progress(0, 100, "Starting");
 *   ...
 * }
 * }</pre>
 */
public interface RequestContext {

  /** Returns the JSON-RPC request id as text, or an empty string when the call had none. */
  String requestId();

  /** Returns the protocol revision the client speaks, for example {@code 2025-11-25}. */
  String protocolVersion();

  /**
   * Returns the value of a request header (names are case-insensitive), if the transport has
   * headers.
   */
  Optional<String> header(String name);

  /**
   * Returns who made the request, as the server's authenticator established it; {@link
   * dev.toolsmith.runtime.Identity#anonymous()} without authentication.
   */
  dev.toolsmith.runtime.Identity identity();

  /**
   * Returns a fact of the transport the request arrived on, by type: for example the AWS Lambda
   * {@code com.amazonaws.services.lambda.runtime.Context} when the request came through the Lambda
   * adapter. Empty when the transport has no such fact.
   *
   * <p>A tool method can also declare a Lambda {@code Context} parameter; the generated code looks
   * it up here and passes {@code null} elsewhere.
   */
  <T> Optional<T> transportAttribute(Class<T> type);

  /**
   * Returns whether the client declared a capability, such as {@code sampling} or {@code
   * elicitation}, in this request.
   *
   * <p>Only modern (2026-07-28) requests carry their client's capabilities; for handshake-era
   * requests this is always {@code false}, because a stateless server does not remember the {@code
   * initialize} that declared them.
   */
  boolean hasClientCapability(String name);

  /**
   * Fails the request with JSON-RPC error -32021 (HTTP 400) unless the client declared the
   * capability; call it before doing work that needs the capability.
   *
   * @throws dev.toolsmith.runtime.internal.protocol.ProtocolException when the capability is
   *     missing
   */
  void requireClientCapability(String name);

  /**
   * Reports progress to the client when it asked for it with a {@code progressToken}; otherwise
   * does nothing. Values must increase from one call to the next.
   *
   * <p>On a server that streams (the Toolsmith HTTP server, the servlet adapter, the local server,
   * stdio) progress is sent as it happens, on the request's {@code text/event-stream} response; on
   * AWS Lambda it is buffered and sent before the result in one event-stream body.
   *
   * @param progress the progress so far
   * @param total the total, or a negative number when unknown
   * @param message a human-readable message, or {@code null}
   */
  void progress(double progress, double total, String message);

  /**
   * Sends the client a log message, if it asked for messages of this level: on 2026-07-28 with
   * {@code _meta["io.modelcontextprotocol/logLevel"]} in the request, and in the handshake era at
   * {@code info} and above (a server that answers each request on its own cannot remember a {@code
   * logging/setLevel} from an earlier one). Messages travel like progress: buffered in the
   * request's event stream over HTTP, written as they happen over stdio.
   */
  void log(LogLevel level, String message);

  /**
   * Returns the input the client gives in the middle of a request: ask for a form, a model
   * completion or the client's roots. A 2026-07-28 client answers by sending the request again
   * (multi-round-trip requests); a handshake-era client answers a server-to-client request sent on
   * the request's held stream, where the transport holds one (see {@link Inputs}).
   */
  Inputs inputs();

  /**
   * Returns whether the client cancelled this request ({@code notifications/cancelled}) or went
   * away while it ran. A long-running tool checks it between steps and stops early; its result is
   * not sent. Only transports that hold the request's stream open can tell: elsewhere this is
   * always {@code false}.
   */
  default boolean isCancelled() {
    return false;
  }

  /**
   * Goes on as a task from here, for a tool declared {@code @McpTask(startInline = true)}: when the
   * client declared the tasks extension, this ends the ordinary call, the client receives a task
   * handle, and the tool runs again from the top inside the task, where this call returns at once.
   * Everything the client answered before (multi-round-trip input) is carried into the task.
   *
   * <p>Where there is no task to continue as (the client did not declare the extension, the tool is
   * not a task tool, or the tool already runs inside its task) this returns and the call goes on as
   * it is. Code before it runs once per round, as before an input request: keep it free of side
   * effects.
   */
  default void continueAsTask() {}

  /** Returns whether this call runs inside a task of the tasks extension. */
  default boolean inTask() {
    return false;
  }

  /**
   * Returns a context with no request behind it, for calling a tool pack directly (tests, scripts).
   */
  static RequestContext none() {
    return NoRequestContext.INSTANCE;
  }
}
