package dev.toolsmith.runtime.task;

/**
 * The task store could not be read or written: an outage or a misconfiguration. The engine answers
 * the request with a JSON-RPC internal error carrying this message, so the message must say what
 * failed and what to check, and must not hold secrets.
 */
public class TaskStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Returns an exception with a message for the client and the operator. */
  public TaskStoreException(String message) {
    super(message);
  }

  /** Returns an exception with a message for the client and the operator, and its cause. */
  public TaskStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
