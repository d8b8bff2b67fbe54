package dev.toolsmith.runtime.internal.protocol;

import java.util.UUID;

/**
 * What happens to a failure the client must not see the details of (a bug, an outage): it is logged
 * with a fresh error id, and the client is told only that id.
 */
public final class InternalErrors {
  private InternalErrors() {}

  /** Logs a failure and returns the id the client gets instead of its details. */
  public static String log(String what, Throwable failure) {
    String errorId = UUID.randomUUID().toString();
    logger().log(System.Logger.Level.ERROR, what + " failed; error id " + errorId, failure);
    return errorId;
  }

  /** Returns the sentence that tells a client about a logged failure. */
  public static String message(String what, String errorId) {
    return what
        + " failed with an internal error (error id "
        + errorId
        + "). The server's log has the details "
        + "under that id; retrying may help if the failure was temporary.";
  }

  /** Returns a JSON-RPC internal error (-32603) for a failure, after logging it. */
  public static ProtocolException protocolError(String what, Throwable failure) {
    return new ProtocolException(
        ProtocolException.INTERNAL_ERROR,
        ErrorKind.IN_BAND,
        message(what, log(what, failure)),
        null);
  }

  /**
   * Looked up when needed, not in a static field: logging set-up costs cold-start time, and most
   * servers never fail.
   */
  static System.Logger logger() {
    return System.getLogger("dev.toolsmith.runtime");
  }
}
