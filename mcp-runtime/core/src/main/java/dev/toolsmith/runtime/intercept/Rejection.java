package dev.toolsmith.runtime.intercept;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by an {@link Interceptor} to refuse a request or an invocation. The client gets the
 * reason, so write it for the one who must act: what was refused and what to do instead.
 *
 * <p>A plain rejection of a tool invocation is an {@code isError} result (the model reads the
 * reason and can change its call); of a prompt or resource, a JSON-RPC invalid-params error; of a
 * request, a JSON-RPC invalid-request error. A rejection {@linkplain #retryAfter to retry later} is
 * a JSON-RPC error that HTTP answers with {@code 429 Too Many Requests} and {@code Retry-After}.
 */
public final class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  private Rejection(String reason, Duration retryAfter) {
    super(Objects.requireNonNull(reason, "reason"), null, false, false);
    if (reason.isBlank()) {
      throw new IllegalArgumentException("A rejection needs a reason the client can act on");
    }
    this.retryAfter = retryAfter;
  }

  /** Returns a rejection the client cannot undo by waiting: it must change what it sends. */
  public static Rejection of(String reason) {
    return new Rejection(reason, null);
  }

  /**
   * Returns a rejection that waiting undoes, such as a rate limit: the client may send the same
   * again after {@code wait} (rounded up to whole seconds, at least one).
   */
  public static Rejection retryAfter(String reason, Duration wait) {
    if (wait.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, got " + wait);
    }
    return new Rejection(reason, wait);
  }

  /** Returns the reason the client is given. */
  public String reason() {
    return getMessage();
  }

  /** Returns how long the client should wait before retrying, for a rejection waiting undoes. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Returns {@link #retryAfter()} in whole seconds, rounded up, at least one; 0 when none. */
  public long retryAfterSeconds() {
    return retryAfter == null ? 0 : wholeSeconds(retryAfter);
  }

  /** Returns a wait in whole seconds, rounded up, at least one: what {@code Retry-After} says. */
  static long wholeSeconds(Duration wait) {
    return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
  }
}
