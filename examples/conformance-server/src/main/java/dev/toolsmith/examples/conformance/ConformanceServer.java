package dev.toolsmith.examples.conformance;

import dev.toolsmith.runtime.jetty.McpHttpServer;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.session.SessionStore;

/**
 * The server the official MCP conformance suite runs against: {@code java -jar
 * conformance-server.jar} serves {@code http://127.0.0.1:${PORT:-8080}/mcp}, with every fixture
 * found on the classpath like any other tool pack.
 */
public final class ConformanceServer {
  private ConformanceServer() {}

  /** Returns the server. */
  public static McpServer create() {
    return McpServer.builder()
        .name("toolsmith-conformance-server")
        .version("1.0.0")
        .instructions("Fixtures of the MCP conformance suite.")
        // Handshake-era clients get an Mcp-Session-Id, so streams of one conversation can be told
        // apart.
        .sessions(SessionStore.inMemory())
        .build();
  }

  /** Serves on loopback until the process is stopped (SIGTERM stops it gracefully). */
  public static void main(String[] args) throws Exception {
    String port = System.getenv().getOrDefault("PORT", "8080");
    McpHttpServer http = McpHttpServer.builder(create()).port(Integer.parseInt(port)).start();
    System.out.println("Conformance MCP server listening at " + http.url());
    http.awaitStop();
  }
}
