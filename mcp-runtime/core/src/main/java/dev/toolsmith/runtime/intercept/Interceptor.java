package dev.toolsmith.runtime.intercept;

/**
 * Runs around each request a server answers and each tool, prompt or resource it invokes.
 *
 * <p>Every method has a default that does nothing, so an interceptor overrides only what it needs.
 * Interceptors run in the order they were installed for {@code before*} and in the reverse order
 * for {@code after*}, like layers: the first installed sees a request first and its outcome last.
 * An {@code after*} method runs for every interceptor whose {@code before*} method ran, whatever
 * happened in between.
 *
 * <p>To refuse, a {@code before*} method (or {@link #afterInvocation}, for a result that must not
 * leave) throws a {@link Rejection}; the client gets its reason. Any other exception an interceptor
 * throws is a bug in it: before a request or invocation, or after an invocation, it fails that
 * request with an internal error whose details are logged under an error id (so a broken guardrail
 * never lets a result through); after a request, when the reply is already made, it is logged and
 * the reply is sent.
 *
 * <p>Interceptors are called on the request's thread, concurrently for concurrent requests: they
 * must be thread-safe. State that one request's {@code before} passes to its {@code after} (a span,
 * a start time of one's own) is {@linkplain InterceptedRequest#attach attached} to the request.
 */
public interface Interceptor {
  /**
   * Called before a JSON-RPC request is served: every method, from {@code initialize} to {@code
   * tools/call}. Notifications and responses the client sends are not requests.
   *
   * @throws Rejection to answer the request with a JSON-RPC error instead of serving it
   */
  default void beforeRequest(InterceptedRequest request) {}

  /**
   * Called after a request was answered, with what the client got. The reply is made: this method
   * observes, it cannot change it.
   */
  default void afterRequest(InterceptedRequest request, Outcome outcome) {}

  /**
   * Called before a tool, prompt or resource is invoked, once the caller was found allowed to: its
   * arguments are those the client sent, not yet checked against the schema.
   *
   * @throws Rejection to refuse the invocation: a tool answers with an {@code isError} result
   *     naming the reason, a prompt or resource with a JSON-RPC invalid-params error
   */
  default void beforeInvocation(Invocation invocation) {}

  /**
   * Called when an invocation failed unexpectedly (the tool threw something other than a {@code
   * ToolException}), before {@link #afterInvocation}; the client is told only the error id the
   * failure is logged under.
   */
  default void onError(Invocation invocation, Throwable failure) {}

  /**
   * Called after an invocation, with its outcome; a tool's result may be {@linkplain
   * InvocationOutcome#replaceResult replaced} here (redaction) before later interceptors and the
   * client see it.
   *
   * @throws Rejection to withhold the result: a tool then answers with an {@code isError} result
   *     naming the reason
   */
  default void afterInvocation(Invocation invocation, InvocationOutcome outcome) {}
}
