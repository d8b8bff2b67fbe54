package dev.toolsmith.runtime.metrics.emf;

import com.amazonaws.services.lambda.runtime.Context;
import dev.toolsmith.runtime.intercept.Invocation;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What metrics need of the Lambda invocation a tool call runs in: its request id, its function, and
 * whether it is the execution environment's first (cold) invocation. Off Lambda there is no
 * invocation and no cold start.
 */
final class LambdaInvocations {
  private static final AtomicReference<String> FIRST = new AtomicReference<>();

  private LambdaInvocations() {}

  /** Returns the Lambda request id of the invocation the call runs in, or null off Lambda. */
  static String requestId(Invocation invocation) {
    return invocation
        .context()
        .transportAttribute(Context.class)
        .map(Context::getAwsRequestId)
        .orElse(null);
  }

  /** Returns the function's name, for the cold-start dimension. */
  static String functionName(Invocation invocation) {
    String fromContext =
        invocation
            .context()
            .transportAttribute(Context.class)
            .map(Context::getFunctionName)
            .orElse(null);
    if (fromContext != null) {
      return fromContext;
    }
    String fromEnvironment = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    return fromEnvironment != null ? fromEnvironment : "unknown";
  }

  /**
   * Returns whether the call is the first of the first Lambda invocation this process served; each
   * cold start is counted once. Calls outside an invocation (priming before a SnapStart snapshot)
   * never count.
   */
  static boolean isCold(String requestId) {
    return requestId != null && FIRST.get() == null && FIRST.compareAndSet(null, requestId);
  }
}
