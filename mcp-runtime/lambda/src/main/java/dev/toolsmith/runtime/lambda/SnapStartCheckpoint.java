package dev.toolsmith.runtime.lambda;

import java.util.List;
import java.util.Objects;

/**
 * Runs, in a test, what Lambda does to a handler around a SnapStart snapshot, which a JVM without
 * CRaC never does by itself: prove that priming reaches every tool it names and that the lifespan's
 * resources let go of their connections before the checkpoint and come back after the restore.
 *
 * <pre>{@code
 * MessageBoardHandler handler = new MessageBoardHandler();
 * assertThat(SnapStartCheckpoint.prime(handler)).containsOnly(200);
 * SnapStartCheckpoint.beforeCheckpoint(handler);   // priming, then each resource's beforeCheckpoint()
 * SnapStartCheckpoint.afterRestore(handler);       // each resource's afterRestore()
 * }</pre>
 *
 * <p>On Lambda the handler registers these hooks with CRaC itself, only while a snapshot is taken
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); nothing here is needed in production code.
 */
public final class SnapStartCheckpoint {
  private SnapStartCheckpoint() {}

  /**
   * Runs the checkpoint hook: the server's priming requests through the handler, then each lifespan
   * resource's {@code beforeCheckpoint()}, last made first.
   *
   * @throws Exception whatever a resource throws, as Lambda would see it
   */
  public static void beforeCheckpoint(McpLambdaHandler handler) throws Exception {
    SnapStartHooks.beforeCheckpoint(Objects.requireNonNull(handler, "handler"));
  }

  /** Runs the restore hook: each lifespan resource's {@code afterRestore()}, in the order made. */
  public static void afterRestore(McpLambdaHandler handler) throws Exception {
    SnapStartHooks.afterRestore(Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Answers the server's priming requests through the handler, as the checkpoint hook does first.
   *
   * @return each request's HTTP status, in order
   */
  public static List<Integer> prime(McpLambdaHandler handler) {
    return SnapStartHooks.prime(Objects.requireNonNull(handler, "handler"));
  }
}
