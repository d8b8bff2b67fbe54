package dev.toolsmith.runtime.logging;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells whether a request belongs to the first invocation this process served: the first Lambda
 * invocation (every request in it), or off Lambda the first request.
 *
 * <p>On Lambda, requests without an invocation (priming before a SnapStart snapshot) do not count,
 * so the first invocation after start-up or restore is the cold one, as Powertools counts it.
 */
final class ColdStart {
  private static final boolean ON_LAMBDA = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;
  private static final AtomicReference<Object> FIRST = new AtomicReference<>();

  private ColdStart() {}

  /**
   * Returns whether this is (part of) the cold invocation.
   *
   * @param invocation the Lambda request id, or null off Lambda
   * @param request the request itself, standing for its invocation off Lambda
   */
  static boolean is(String invocation, Object request) {
    Object key = invocation != null ? invocation : request;
    if (invocation == null && ON_LAMBDA) {
      return false;
    }
    Object first = FIRST.get();
    if (first == null && FIRST.compareAndSet(null, key)) {
      return true;
    }
    return FIRST.get().equals(key);
  }
}
