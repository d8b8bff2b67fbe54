package dev.toolsmith.runtime.auth.oidc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A warning that may be logged once per interval, with how many were held back since: refused
 * tokens are chosen by whoever sends them, so each must not cost a log line (or a stack trace).
 */
final class BoundedLog {
  private static final System.Logger LOG = System.getLogger("dev.toolsmith.runtime");

  private final long intervalNanos;
  private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong suppressed = new AtomicLong();

  BoundedLog(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  /** Logs the message as a warning unless one was logged within the interval. */
  void log(String message) {
    long now = System.nanoTime();
    long allowed = nextAllowed.get();
    if ((allowed != Long.MIN_VALUE && now - allowed < 0)
        || !nextAllowed.compareAndSet(allowed, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return;
    }
    long held = suppressed.getAndSet(0);
    LOG.log(
        System.Logger.Level.WARNING,
        held == 0 ? message : message + " (" + held + " more like it since the last such line)");
  }
}
