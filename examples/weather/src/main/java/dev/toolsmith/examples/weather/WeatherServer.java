package dev.toolsmith.examples.weather;

import dev.toolsmith.runtime.local.LocalMcpServer;
import dev.toolsmith.runtime.server.McpServer;

/**
 * The weather MCP server, and the {@code main} that runs it locally: {@code java -jar weather.jar}
 * serves {@code http://127.0.0.1:${PORT:-8080}/mcp}.
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
        .build();
  }

  /** Serves the weather server on loopback until the process is stopped. */
  public static void main(String[] args) throws Exception {
    String port = System.getenv().getOrDefault("PORT", "8080");
    LocalMcpServer local = LocalMcpServer.start(create(), Integer.parseInt(port));
    Runtime.getRuntime().addShutdownHook(new Thread(local::close, "weather-shutdown"));
    System.out.println("Weather MCP server listening at " + local.url());
    System.out.println(
        "Try: npx @modelcontextprotocol/inspector --cli " + local.url() + " --method tools/list");
    local.awaitStop();
  }
}
