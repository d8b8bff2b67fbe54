package dev.toolsmith.runtime;

import java.util.List;

/**
 * Thrown by generated dispatchers when a tool's arguments do not match its input schema.
 *
 * <p>Each problem names the JSON path and the expectation, for example {@code days: expected an
 * integer from 1 to 14, got "ten"}. The runtime returns them to the client as an {@code isError}
 * result, one problem per line, so the model can correct its call.
 */
public final class InvalidArgumentsException extends ToolException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Creates an exception listing every problem found in one call's arguments. */
  public InvalidArgumentsException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** Returns the problems, in the order they were found. */
  public List<String> problems() {
    return problems;
  }
}
