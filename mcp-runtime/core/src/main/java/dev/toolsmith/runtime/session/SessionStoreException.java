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

  /** Returns an exception with a message that says what to fix. */
  public SessionStoreException(String message) {
    super(message);
  }

  /** Returns an exception with a message that says what to fix, and the database's own error. */
  public SessionStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
