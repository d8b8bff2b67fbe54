package dev.toolsmith.runtime.internal.http;

import dev.toolsmith.runtime.http.HttpResponse;
import java.util.Locale;

/** The {@code Host} rule of servers bound to a loopback address, against DNS rebinding. */
final class LoopbackHosts {
  private LoopbackHosts() {}

  /**
   * Returns the refusal of a request whose {@code Host} is not a loopback name, for adapters bound
   * to a loopback address, or {@code null} when the host is fine: a web page cannot reach such a
   * server through DNS rebinding. A request without {@code Host} passes.
   */
  static HttpResponse refusal(String host) {
    if (host == null || isLoopbackHost(host)) {
      return null;
    }
    return StreamableHttp.refusal(
        403,
        "Host '"
            + host
            + "' is not this server's: a server on a loopback address only answers requests "
            + "addressed to localhost, 127.0.0.1 or [::1].");
  }

  private static boolean isLoopbackHost(String host) {
    String name = host.trim().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      name = name.substring(0, name.indexOf(']') + 1);
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':'));
    }
    return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
  }
}
