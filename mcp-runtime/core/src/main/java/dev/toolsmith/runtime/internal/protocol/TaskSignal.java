package dev.toolsmith.runtime.internal.protocol;

/**
 * Ends the ordinary run of a {@code startInline} task tool that called {@code continueAsTask()}:
 * the engine makes the task, carrying the call's answers and stored values into it, and answers
 * with its handle. Control flow, not a failure, so it carries no stack trace.
 */
final class TaskSignal extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private TaskSignal() {
    super(INTERNAL_ERROR, ErrorKind.IN_BAND, "continue as task", null);
  }

  /**
   * Returns a signal, typed as a plain runtime exception so that verifying a caller (every {@link
   * CallContext}) does not load this class: only a tool that goes on as a task does.
   */
  static RuntimeException create() {
    return new TaskSignal();
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
