package dev.toolsmith.runtime.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The transport limits and browser rules of a server, the same on every adapter.
 *
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param allowedOrigins browser origins allowed besides localhost pages, {@code "*"} for any
 * @param allowLocalhostOrigins whether pages served from this machine may call the server
 * @param cors whether to answer CORS preflight ({@code OPTIONS}) and add CORS headers for allowed
 *     origins
 * @param clientAnswerTimeout how long a call on a held stream waits for the client to answer a
 *     server-to-client request before it ends in a tool error
 * @param keepAliveInterval how often a held stream that carries nothing gets a keep-alive comment,
 *     so proxies keep it open and a client that left is noticed
 */
public record HttpOptions(
    int maxBodyBytes,
    Set<String> allowedOrigins,
    boolean allowLocalhostOrigins,
    boolean cors,
    Duration clientAnswerTimeout,
    Duration keepAliveInterval) {
  /** Two minutes: time for a person to fill in a form. */
  public static final Duration DEFAULT_CLIENT_ANSWER_TIMEOUT = Duration.ofMinutes(2);

  /** Fifteen seconds, below the 30 to 60 s idle timeouts of common proxies and load balancers. */
  public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(15);

  /** Four MiB, below Lambda's six MB payload limit once base64 and the event envelope are added. */
  public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

  public HttpOptions {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1, got " + maxBodyBytes);
    }
    allowedOrigins = Set.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
    requirePositive(clientAnswerTimeout, "clientAnswerTimeout");
    requirePositive(keepAliveInterval, "keepAliveInterval");
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
  }

  /**
   * Returns the defaults: 4 MiB bodies, localhost origins only, no CORS, two minutes for a client's
   * answer, a keep-alive every 15 seconds.
   */
  public static HttpOptions defaults() {
    return new HttpOptions(
        DEFAULT_MAX_BODY_BYTES,
        Set.of(),
        true,
        false,
        DEFAULT_CLIENT_ANSWER_TIMEOUT,
        DEFAULT_KEEP_ALIVE_INTERVAL);
  }
}
