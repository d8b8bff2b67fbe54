package dev.toolsmith.runtime.session;

/** The session ended (it expired or was deleted) while a call was using it. */
public class SessionExpiredException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SessionExpiredException() {
    super(
        "The session ended while this call was using it: it expired or was deleted. Start a new session.");
  }
}
