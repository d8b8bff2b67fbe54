package dev.toolsmith.examples.weather;

import dev.toolsmith.runtime.jetty.McpHttpServer;
import dev.toolsmith.runtime.server.McpServer;

/**
 * The weather MCP server, and the {@code main} that serves it over HTTP: {@code java -jar
 * weather.jar} serves {@code http://${HOST:-127.0.0.1}:${PORT:-8080}/mcp} on the Toolsmith HTTP
 * server. The AgentCore container image sets {@code HOST=0.0.0.0} and {@code PORT=8000}, the
 * platform's contract.
 */
public final class WeatherServer {
  private WeatherServer() {}

  /**
   * Returns the server. Its tools come from {@code WeatherTools_McpTools}, which the processor
   * generated and listed in {@code META-INF/services}, so nothing is registered by hand.
   */
  public static McpServer create() {
    return McpServer.builder()
        .name("weather")
        .version("1.0.0")
        .instructions("Call get_weather with a city name to hear its current weather.")
        // Run once before a SnapStart snapshot and in the class-data archive's training, so the
        // tool call's path is loaded before the first caller needs it; the tool changes nothing.
        .primingCall("get_weather", "{\"city\":\"Seattle\"}")
        .build();
  }

  /** Serves the weather server until the process is stopped (SIGTERM stops it gracefully). */
  public static void main(String[] args) throws Exception {
    String host = System.getenv().getOrDefault("HOST", "127.0.0.1");
    String port = System.getenv().getOrDefault("PORT", "8080");
    McpHttpServer http =
        McpHttpServer.builder(create()).host(host).port(Integer.parseInt(port)).start();
    System.out.println("Weather MCP server listening at " + http.url());
    System.out.println(
        "Try: npx @modelcontextprotocol/inspector --cli " + http.url() + " --method tools/list");
    http.awaitStop();
  }
}
