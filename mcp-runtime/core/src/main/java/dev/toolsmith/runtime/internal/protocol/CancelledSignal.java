package dev.toolsmith.runtime.internal.protocol;

/**
 * Ends a run whose request the client cancelled or abandoned. It passes through the error handling
 * of tools as a {@link ProtocolException} does; the transport sees {@link
 * ClientChannel#isCancelled()} and sends no response, as the protocol asks. Control flow, not a
 * failure, so it has no stack trace.
 */
final class CancelledSignal extends ProtocolException {
  private static final long serialVersionUID = 1L;

  /** The code of the reply nobody receives, for logs: LSP's RequestCancelled. */
  private static final int REQUEST_CANCELLED = -32800;

  CancelledSignal() {
    super(REQUEST_CANCELLED, ErrorKind.IN_BAND, "The request was cancelled.", null);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
