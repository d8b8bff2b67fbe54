package dev.toolsmith.examples.toolbox;

import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.jetty.McpHttpServer;
import dev.toolsmith.runtime.logging.RequestLog;
import dev.toolsmith.runtime.metrics.emf.EmfMetrics;
import dev.toolsmith.runtime.opentelemetry.McpTracing;
import dev.toolsmith.runtime.server.McpServer;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The toolbox MCP server, and the {@code main} that runs it locally with one command: {@code java
 * -jar toolbox.jar} serves {@code http://127.0.0.1:${PORT:-8080}/mcp}.
 *
 * <p>Sessions come from the environment: in memory locally, DynamoDB when {@code MCP_SESSION_TABLE}
 * is set (with {@code AWS_ENDPOINT_URL_DYNAMODB} for DynamoDB Local).
 */
public final class ToolboxServer {
  private ToolboxServer() {}

  /** Returns the server, admitting the callers the authenticator allows. */
  public static McpServer create(Authenticator auth) {
    return create(auth, new ToolboxTools());
  }

  /** Returns the server with the given tools, for tests that point S3 somewhere else. */
  static McpServer create(Authenticator auth, ToolboxTools tools) {
    return builder(auth).tools(new ToolboxTools_McpTools(tools)).build();
  }

  /**
   * The server's settings. It serves its own pack, named here, and looks for no others on the class
   * path: scanning for packs costs a cold start a few milliseconds for nothing.
   */
  static McpServer.Builder builder(Authenticator auth) {
    McpServer.Builder builder =
        McpServer.builder()
            .name("repo-toolbox")
            .discoverTools(false)
            .version("1.0.0")
            .instructions(
                "get_time tells the time, count_s3_buckets counts the account's S3 buckets, and "
                    + "increment_counter counts calls within this conversation.")
            .auth(auth);
    return observed(builder);
  }

  /**
   * Turns on what the environment asks for: a log line per request always (JSON on Lambda), printed
   * to standard output with no logging framework in between, CloudWatch metrics when {@code
   * POWERTOOLS_METRICS_NAMESPACE} is set, spans when OpenTelemetry is set up (the ADOT layer, or
   * {@code OTEL_*} variables). The log goes first, so it also records what later interceptors
   * refuse.
   */
  static McpServer.Builder observed(McpServer.Builder builder) {
    builder.interceptor(RequestLog.builder().fromEnvironment().printTo(System.out).build());
    EmfMetrics.fromEnvironment().ifPresent(builder::interceptor);
    McpTracing.fromEnvironment().ifPresent(builder::interceptor);
    return builder;
  }

  /**
   * Serves the toolbox on loopback until the process is stopped, with the bearer tokens from {@code
   * MCP_AUTH_TOKEN} and {@code MCP_AUTH_TOKENS}, or a new token printed here when neither is set.
   */
  public static void main(String[] args) throws Exception {
    ToolboxLogging.install();
    String token = System.getenv(BearerTokenAuthenticator.TOKEN_VARIABLE);
    String named = System.getenv(BearerTokenAuthenticator.TOKENS_VARIABLE);
    boolean generated = (token == null || token.isBlank()) && (named == null || named.isBlank());
    Authenticator auth;
    if (generated) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      token = HexFormat.of().formatHex(random);
      auth = BearerTokenAuthenticator.of(token);
    } else {
      auth = BearerTokenAuthenticator.fromEnvironment();
    }
    McpServer server = create(auth);
    String port = System.getenv().getOrDefault("PORT", "8080");
    McpHttpServer local = McpHttpServer.builder(server).port(Integer.parseInt(port)).start();
    System.out.println("Toolbox MCP server listening at " + local.url());
    System.out.println(
        "Sessions: "
            + server.sessions().map(sessions -> sessions.store().toString()).orElse("none"));
    System.out.println(
        generated
            ? "Bearer token (generated; set MCP_AUTH_TOKEN to choose one): " + token
            : "Bearer tokens: from MCP_AUTH_TOKEN and MCP_AUTH_TOKENS");
    System.out.println(
        "Try: npx @modelcontextprotocol/inspector --cli "
            + local.url()
            + " --header \"Authorization: Bearer "
            + (generated ? token : "$MCP_AUTH_TOKEN")
            + "\" --method tools/list");
    local.awaitStop();
  }
}
