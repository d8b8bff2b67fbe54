package dev.toolsmith.runtime.proxy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code toolsmith-proxy}: lets a desktop client that only starts stdio servers (Claude Desktop,
 * and others) use a remote Streamable HTTP MCP server, signing the user in through the browser when
 * the server asks for OAuth. See {@code docs/proxy.md}.
 *
 * <p>Messages are read from stdin one per line and written to stdout one per line; everything for
 * people (sign-in URLs, problems) goes to stderr, which clients show in their logs.
 */
public final class ProxyMain {
  private ProxyMain() {}

  /** Runs the proxy, or with {@code claude-config} prints or writes the Claude Desktop entry. */
  public static void main(String[] args) throws IOException {
    int status = run(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args) throws IOException {
    PrintStream log = System.err;
    ProxyOptions options;
    try {
      options = ProxyOptions.parse(args);
    } catch (IllegalArgumentException e) {
      log.println("toolsmith-proxy: " + e.getMessage());
      log.print(ProxyOptions.USAGE);
      return 2;
    }
    boolean config =
        !options.positional.isEmpty() && options.positional.get(0).equals("claude-config");
    int expected = config ? 3 : 1;
    if (options.positional.size() != expected) {
      log.print(ProxyOptions.USAGE);
      return 2;
    }
    String url = options.positional.get(expected - 1);
    URI server;
    try {
      server = URI.create(url);
      if (!"https".equals(server.getScheme()) && !"http".equals(server.getScheme())) {
        throw new IllegalArgumentException("not http(s)");
      }
    } catch (IllegalArgumentException e) {
      log.println(
          "toolsmith-proxy: '" + url + "' is not an http:// or https:// URL of an MCP endpoint");
      return 2;
    }
    if (config) {
      return claudeConfig(options, options.positional.get(1), url);
    }
    bridge(server, options, log);
    return 0;
  }

  private static int claudeConfig(ProxyOptions options, String name, String url)
      throws IOException {
    List<String> proxyArgs = new ArrayList<>(options.passThrough);
    proxyArgs.add(url);
    var entry = ClaudeDesktopConfig.entry(name, proxyArgs);
    if (!options.write) {
      System.out.println(dev.toolsmith.runtime.internal.json.Json.toPrettyString(entry));
      return 0;
    }
    Path file =
        options.configFile != null
            ? Path.of(options.configFile)
            : ClaudeDesktopConfig.defaultFile();
    ClaudeDesktopConfig.write(entry, file);
    System.out.println("Added '" + name + "' to " + file + ". Restart Claude Desktop to connect.");
    return 0;
  }

  private static void bridge(URI server, ProxyOptions options, PrintStream log) throws IOException {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpForwarder forwarder = new HttpForwarder(server, options, http, log);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    log.println("toolsmith-proxy: bridging stdio to " + server);
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        forwarder.forward(line, out::println);
      }
    }
    forwarder.close();
  }
}
