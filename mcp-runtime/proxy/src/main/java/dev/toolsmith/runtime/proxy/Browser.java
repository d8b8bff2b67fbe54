package dev.toolsmith.runtime.proxy;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Opens a URL in the user's browser with the platform's own command; says so when it cannot. */
final class Browser {
  private Browser() {}

  static void open(String url, PrintStream log) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    List<String> command =
        os.contains("mac")
            ? List.of("open", url)
            : os.contains("win")
                ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : List.of("xdg-open", url);
    try {
      new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      log.println(
          "toolsmith-proxy: could not open a browser ("
              + e.getMessage()
              + "); open the URL above yourself");
    }
  }
}
