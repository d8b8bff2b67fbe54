package dev.toolsmith.runtime.intercept;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bounds how many tool, prompt and resource invocations each caller makes: each identity (by its
 * {@linkplain dev.toolsmith.runtime.Identity#subject() subject}) has a bucket of {@code calls} that
 * refills evenly over {@code per}. A caller whose bucket is empty gets a JSON-RPC error saying how
 * long to wait, which HTTP answers with {@code 429 Too Many Requests} and {@code Retry-After}.
 *
 * <p>Unauthenticated callers all share the anonymous identity's bucket, so on a server without
 * authentication this is one limit for everyone. A task's tool, running after the request that made
 * the task, is counted once, with that request. The limit is per server instance: behind a load
 * balancer or on Lambda each instance keeps its own buckets.
 *
 * <p>It remembers at most {@link #MAX_TRACKED} callers; past that it forgets those whose buckets
 * are full, which is the same as remembering them.
 */
public final class RateLimiter implements Interceptor {
  /** The most callers whose buckets are kept at once. */
  public static final int MAX_TRACKED = 100_000;

  private final int calls;
  private final Duration per;
  private final long nanosPerCall;
  private final LongSupplier clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int calls, Duration per, LongSupplier clock) {
    if (calls < 1) {
      throw new IllegalArgumentException("A rate limit allows at least 1 call, got " + calls);
    }
    if (per.isNegative() || per.isZero()) {
      throw new IllegalArgumentException("A rate limit's period must be positive, got " + per);
    }
    this.calls = calls;
    this.per = per;
    this.nanosPerCall = Math.max(1, per.toNanos() / calls);
    this.clock = clock;
  }

  /**
   * Returns a limiter that lets each caller make {@code calls} invocations per {@code per}, in
   * bursts of at most {@code calls}.
   */
  public static RateLimiter perIdentity(int calls, Duration per) {
    return new RateLimiter(calls, Objects.requireNonNull(per, "per"), System::nanoTime);
  }

  @Override
  public void beforeInvocation(Invocation invocation) {
    if (invocation.request().isEmpty()) {
      return;
    }
    String subject = invocation.identity().subject();
    long now = clock.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(subject, key -> new Bucket(now));
    long waitNanos = bucket.take(now, calls, nanosPerCall);
    if (waitNanos > 0) {
      Duration wait = Duration.ofNanos(waitNanos);
      throw Rejection.retryAfter(
          "Rate limit reached: each caller may make "
              + calls
              + " calls per "
              + describe(per)
              + ". Wait "
              + Rejection.wholeSeconds(wait)
              + " s before calling again.",
          wait);
    }
    if (buckets.size() > MAX_TRACKED) {
      buckets.values().removeIf(b -> b.full(now));
    }
  }

  /** Says a period the way a person would: "hour", "5 minutes", "1500 ms". */
  private static String describe(Duration period) {
    long millis = period.toMillis();
    if (millis == 0 || period.toNanos() % 1_000_000 != 0) {
      return period.toString();
    }
    if (millis % 3_600_000 == 0) {
      return millis == 3_600_000 ? "hour" : (millis / 3_600_000) + " hours";
    }
    if (millis % 60_000 == 0) {
      return millis == 60_000 ? "minute" : (millis / 60_000) + " minutes";
    }
    if (millis % 1000 == 0) {
      return millis == 1000 ? "second" : (millis / 1000) + " seconds";
    }
    return millis + " ms";
  }

  @Override
  public String toString() {
    return "RateLimiter(" + calls + " per " + describe(per) + " per identity)";
  }

  /**
   * One caller's allowance, kept as the time its bucket is next full ("theoretical arrival time"):
   * a call pushes it on by one call's worth, and is refused when that would be more than a full
   * bucket ahead of now.
   */
  private static final class Bucket {
    private long fullAt;

    Bucket(long now) {
      this.fullAt = now;
    }

    /** Takes one call; returns 0, or how many nanoseconds until one can be taken. */
    synchronized long take(long now, int calls, long nanosPerCall) {
      long start = Math.max(fullAt, now);
      long next = start + nanosPerCall;
      long ahead = next - now;
      long allowed = nanosPerCall * calls;
      if (ahead > allowed) {
        return ahead - allowed;
      }
      fullAt = next;
      return 0;
    }

    synchronized boolean full(long now) {
      return fullAt <= now;
    }
  }
}
