package dev.toolsmith.runtime.http;

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
 */
public record HttpOptions(
    int maxBodyBytes, Set<String> allowedOrigins, boolean allowLocalhostOrigins, boolean cors) {
  /** Four MiB, below Lambda's six MB payload limit once base64 and the event envelope are added. */
  public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

  public HttpOptions {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1, got " + maxBodyBytes);
    }
    allowedOrigins = Set.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
  }

  /** Returns the defaults: 4 MiB bodies, localhost origins only, no CORS. */
  public static HttpOptions defaults() {
    return new HttpOptions(DEFAULT_MAX_BODY_BYTES, Set.of(), true, false);
  }
}
