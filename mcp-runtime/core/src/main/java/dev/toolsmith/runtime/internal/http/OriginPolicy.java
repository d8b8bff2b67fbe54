package dev.toolsmith.runtime.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which browser origins may call the server, the defence against DNS rebinding and cross-site
 * requests that MCP requires of every Streamable HTTP server.
 *
 * <p>Requests without an {@code Origin} header (command-line clients, other servers) always pass; a
 * browser always sends one. Allowed are the configured origins ({@code "*"} for any) and, unless
 * turned off, pages served from this machine ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}),
 * so local tools such as the MCP Inspector work out of the box.
 */
final class OriginPolicy {
  private final Set<String> allowed;
  private final boolean anyOrigin;
  private final boolean localhost;

  OriginPolicy(Set<String> allowed, boolean localhost) {
    this.allowed = new TreeSet<>();
    for (String origin : allowed) {
      this.allowed.add(normalise(origin));
    }
    this.anyOrigin = this.allowed.contains("*");
    this.localhost = localhost;
  }

  boolean allows(String origin) {
    if (origin == null) {
      return true;
    }
    String normalised = normalise(origin);
    return anyOrigin || allowed.contains(normalised) || (localhost && isLocalhost(normalised));
  }

  static boolean isLocalhost(String origin) {
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme();
      String host = uri.getHost();
      return ("http".equals(scheme) || "https".equals(scheme))
          && host != null
          && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String normalise(String origin) {
    String trimmed = origin.trim().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  @Override
  public String toString() {
    return (localhost ? "localhost origins" : "no localhost origins")
        + (allowed.isEmpty() ? "" : " and " + allowed);
  }
}
