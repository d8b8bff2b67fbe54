package dev.toolsmith.runtime.session;

/**
 * The session store cannot do its job because of how it is set up: a table that does not exist, an
 * action the server's role may not perform, sessions asked for where none are configured.
 *
 * <p>The message names what is wrong and how to fix it. The runtime logs it and answers the request
 * with it, so a misconfigured deployment is loud at its first request instead of silently
 * forgetting state.
 */
public class SessionStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final java.time.Duration retryAfter;

  /** Returns an exception with a message that says what to fix. */
  public SessionStoreException(String message) {
    this(message, null, null);
  }

  /** Returns an exception with a message that says what to fix, and the database's own error. */
  public SessionStoreException(String message, Throwable cause) {
    this(message, cause, null);
  }

  /**
   * Returns an exception for a failure that should pass (throttling, a timeout), after which the
   * client may retry; HTTP answers it with 503 and {@code Retry-After}.
   *
   * @param retryAfter how long to wait before retrying, or {@code null} when waiting will not help
   */
  public SessionStoreException(String message, Throwable cause, java.time.Duration retryAfter) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** Returns how long to wait before retrying, when the failure should pass. */
  public java.util.Optional<java.time.Duration> retryAfter() {
    return java.util.Optional.ofNullable(retryAfter);
  }
}
