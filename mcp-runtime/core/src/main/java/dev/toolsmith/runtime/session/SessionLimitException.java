package dev.toolsmith.runtime.session;

import java.time.Duration;

/**
 * A bounded session store is full, for everyone or for the caller, so no session was created. The
 * runtime answers the request with a JSON-RPC error and {@code Retry-After}: the limit protects the
 * server's memory from a client that opens sessions without end, and live sessions are never
 * dropped to make room.
 */
public class SessionLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean perOwner;
  private final Duration retryAfter;

  /**
   * Returns the exception.
   *
   * @param message what limit was reached and what the caller can do
   * @param perOwner whether the caller's own share is used up, rather than the whole store
   * @param retryAfter when a session is expected to free up
   */
  public SessionLimitException(String message, boolean perOwner, Duration retryAfter) {
    super(message);
    this.perOwner = perOwner;
    this.retryAfter = retryAfter;
  }

  /** Returns whether the caller's own share is used up, rather than the whole store. */
  public boolean perOwner() {
    return perOwner;
  }

  /** Returns when a session is expected to free up: the soonest expiry among the full ones. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
