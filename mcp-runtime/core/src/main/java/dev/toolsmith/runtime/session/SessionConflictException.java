package dev.toolsmith.runtime.session;

/**
 * A session write kept losing the race against other writes to the same session and gave up. Rare:
 * it takes dozens of calls writing one session at the same moment.
 */
public class SessionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SessionConflictException(String key, int attempts) {
    super(
        "Session value '"
            + key
            + "' could not be written: other calls changed the session "
            + attempts
            + " times in a row while this one tried. Try again.");
  }
}
