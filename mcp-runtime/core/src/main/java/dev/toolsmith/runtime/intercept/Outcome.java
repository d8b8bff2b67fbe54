package dev.toolsmith.runtime.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** How a request or an invocation ended. */
public interface Outcome {
  /** The ways a request or invocation can end. */
  enum Status {
    /** It was served. */
    OK,
    /** A tool answered with an {@code isError} result: the model sees the error and may retry. */
    TOOL_ERROR,
    /** It asked the client for input and will be sent again with it (2026-07-28). */
    INPUT_REQUIRED,
    /** It was refused or failed with a JSON-RPC error. */
    ERROR
  }

  /** Returns how it ended. */
  Status status();

  /** Returns how long it took, from the server starting it to its outcome. */
  Duration duration();

  /** Returns how long it took, in nanoseconds. */
  long durationNanos();

  /** Returns the JSON-RPC error code, for {@link Status#ERROR}. */
  OptionalInt errorCode();

  /**
   * Returns what went wrong as the client was told it: the JSON-RPC error's message, or the text of
   * a tool's {@code isError} result.
   */
  Optional<String> errorMessage();

  /**
   * Returns the id an unexpected failure was logged under, when there was one; the client was told
   * only this id.
   */
  Optional<String> errorId();

  /**
   * Returns the result as JSON, built when first asked for: for a request, the JSON-RPC {@code
   * result} or {@code error} object the client got; for a tool invocation, the tool's result
   * ({@code content}, {@code structuredContent}, {@code isError}). A missing node when there is
   * none (a prompt or resource invocation: read it from the request's outcome).
   */
  JsonNode result();
}
