package dev.toolsmith.runtime.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the proxy was asked to do, read from its command line. */
final class ProxyOptions {
  static final String USAGE =
      """
      Usage:
        java -jar toolsmith-proxy.jar [options] <server-url>
            Bridges an MCP client that speaks stdio to a Streamable HTTP MCP server.
        java -jar toolsmith-proxy.jar claude-config <name> [options] <server-url> [--write] [--config-file <path>]
            Prints (or, with --write, adds to Claude Desktop's configuration) the entry that starts this proxy.

      Options:
        --header "Name: value"   send this header with every request (repeatable), such as a static token
        --client-id <id>         the OAuth client to sign in with (default: register one, when the server's
                                 authorization server allows dynamic client registration)
        --client-secret <secret> for confidential clients; PKCE is used either way
        --scope "<scopes>"       scopes to ask for (default: what the server's challenge or metadata names)
        --callback-port <port>   the loopback port of the sign-in callback (default: any free port); fixed
                                 clients need the redirect URI http://127.0.0.1:<port>/callback registered
        --no-browser             print the sign-in URL on stderr instead of opening a browser
        --send-id-token          send the ID token instead of the access token (Google ID-token servers)
      """;

  final List<String> positional = new ArrayList<>();
  final Map<String, String> headers = new LinkedHashMap<>();
  final List<String> passThrough = new ArrayList<>();
  String clientId;
  String clientSecret;
  String scope;
  int callbackPort;
  boolean openBrowser = true;
  boolean sendIdToken;
  boolean write;
  String configFile;

  /**
   * Returns whether a static header of this name was given, whatever its case (HTTP names are
   * case-insensitive).
   */
  boolean hasHeader(String name) {
    for (String given : headers.keySet()) {
      if (given.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException saying which argument is wrong
   */
  static ProxyOptions parse(String[] args) {
    ProxyOptions options = new ProxyOptions();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--header" -> {
          String header = value(args, ++i, arg);
          int colon = header.indexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException(
                "--header needs \"Name: value\", got '" + header + "'");
          }
          options.headers.put(
              header.substring(0, colon).trim(), header.substring(colon + 1).trim());
          options.passThrough.add(arg);
          options.passThrough.add(header);
        }
        case "--client-id" -> options.clientId = remember(options, arg, value(args, ++i, arg));
        case "--client-secret" ->
            options.clientSecret = remember(options, arg, value(args, ++i, arg));
        case "--scope" -> options.scope = remember(options, arg, value(args, ++i, arg));
        case "--callback-port" -> {
          String port = remember(options, arg, value(args, ++i, arg));
          try {
            options.callbackPort = Integer.parseInt(port);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "--callback-port needs a number, got '" + port + "'");
          }
        }
        case "--no-browser" -> {
          options.openBrowser = false;
          options.passThrough.add(arg);
        }
        case "--send-id-token" -> {
          options.sendIdToken = true;
          options.passThrough.add(arg);
        }
        case "--write" -> options.write = true;
        case "--config-file" -> options.configFile = value(args, ++i, arg);
        default -> {
          if (arg.startsWith("--")) {
            throw new IllegalArgumentException("Unknown option '" + arg + "'");
          }
          options.positional.add(arg);
        }
      }
    }
    return options;
  }

  private static String remember(ProxyOptions options, String name, String value) {
    options.passThrough.add(name);
    options.passThrough.add(value);
    return value;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
