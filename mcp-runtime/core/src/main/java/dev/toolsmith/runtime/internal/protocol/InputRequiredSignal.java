package dev.toolsmith.runtime.internal.protocol;

import dev.toolsmith.runtime.InputRequest;
import java.util.List;

/**
 * Ends a run of a tool, prompt or resource that asked the client for input it has not given yet.
 * The engine turns it into an {@code input_required} result. It passes through the error handling
 * of tools, prompts and resources as a {@link ProtocolException} does, and carries no stack trace:
 * it is control flow, not a failure.
 */
final class InputRequiredSignal extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private final transient List<InputRequest> requests;

  InputRequiredSignal(List<InputRequest> requests) {
    super(INTERNAL_ERROR, ErrorKind.IN_BAND, "input required", null);
    this.requests = List.copyOf(requests);
  }

  List<InputRequest> requests() {
    return requests;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
