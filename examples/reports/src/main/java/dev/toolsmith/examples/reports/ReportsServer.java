package dev.toolsmith.examples.reports;

import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.jetty.McpHttpServer;
import dev.toolsmith.runtime.server.McpServer;

/**
 * The reports MCP server, and the {@code main} that serves it over HTTP: {@code java -jar
 * reports.jar} serves {@code http://${HOST:-127.0.0.1}:${PORT:-8080}/mcp}, with tasks kept in
 * memory and run on the server's own threads. On Lambda ({@link ReportsHandler}) the same server
 * keeps tasks in DynamoDB ({@code MCP_TASK_TABLE}) and runs each in an invocation of its own.
 */
public final class ReportsServer {
  private ReportsServer() {}

  /** Returns the server, admitting the requests the authenticator allows. */
  public static McpServer create(Authenticator auth) {
    return McpServer.builder()
        .name("reports")
        .version("1.0.0")
        .instructions(
            "Call build_report to build a month's sales report. It runs as a task: poll tasks/get"
                + " with the taskId it returns.")
        .auth(auth)
        .build();
  }

  /** Serves the reports server until the process is stopped (SIGTERM stops it gracefully). */
  public static void main(String[] args) throws Exception {
    String host = System.getenv().getOrDefault("HOST", "127.0.0.1");
    String port = System.getenv().getOrDefault("PORT", "8080");
    McpHttpServer http =
        McpHttpServer.builder(create(Authenticator.NONE))
            .host(host)
            .port(Integer.parseInt(port))
            .start();
    System.out.println("Reports MCP server listening at " + http.url());
    http.awaitStop();
  }
}
