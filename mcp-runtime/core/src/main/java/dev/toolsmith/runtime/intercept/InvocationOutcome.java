package dev.toolsmith.runtime.intercept;

import dev.toolsmith.runtime.ToolResult;
import java.util.Optional;

/** How an invocation ended, and for a tool, the result it is about to answer with. */
public interface InvocationOutcome extends Outcome {
  /** Returns a tool's result, as it stands after the interceptors that ran before this one. */
  Optional<ToolResult> toolResult();

  /**
   * Replaces a tool's result: later interceptors and the client see the replacement. This is how an
   * output guardrail redacts.
   *
   * @throws IllegalStateException when the invocation is not a tool's, or it has no result (it
   *     failed with a JSON-RPC error, or asked for input)
   */
  void replaceResult(ToolResult replacement);

  /**
   * Returns what the invocation threw, when it failed: the {@code ToolException} behind a tool
   * error, or the unexpected failure behind an internal one.
   */
  Optional<Throwable> failure();
}
