package dev.toolsmith.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.local.LocalMcpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official MCP Java SDK client against the weather server on the local HTTP adapter. */
class JavaSdkClientTest {
  private static LocalMcpServer local;
  private static McpSyncClient client;

  @BeforeAll
  static void connect() throws Exception {
    local =
        LocalMcpServer.builder(WeatherServer.create()).port(0).gracePeriod(Duration.ZERO).start();
    var transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + local.port())
            .endpoint("/mcp")
            .build();
    client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(10))
            .clientInfo(new McpSchema.Implementation("toolsmith-test", "1.0"))
            .build();
  }

  @AfterAll
  static void disconnect() {
    client.close();
    local.close();
  }

  @Test
  void initializeListAndCall() {
    McpSchema.InitializeResult init = client.initialize();
    assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
    assertThat(init.serverInfo().name()).isEqualTo("weather");
    assertThat(init.serverInfo().version()).isEqualTo("1.0.0");
    assertThat(init.capabilities().tools()).isNotNull();
    assertThat(init.instructions()).contains("get_weather");

    McpSchema.ListToolsResult tools = client.listTools();
    assertThat(tools.tools()).extracting(McpSchema.Tool::name).containsExactly("get_weather");
    McpSchema.Tool tool = tools.tools().get(0);
    assertThat(tool.description()).isEqualTo("Return the current weather for a given city.");
    assertThat(tool.inputSchema().get("required")).isEqualTo(List.of("city"));
    assertThat(tool.annotations().readOnlyHint()).isTrue();

    McpSchema.CallToolResult result =
        client.callTool(new McpSchema.CallToolRequest("get_weather", Map.of("city", "Paris")));
    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(((McpSchema.TextContent) result.content().get(0)).text())
        .isEqualTo("The weather in Paris is sunny and 72°F.");
  }

  @Test
  void invalidArgumentsComeBackAsAnErrorResult() {
    client.initialize();
    McpSchema.CallToolResult result =
        client.callTool(new McpSchema.CallToolRequest("get_weather", Map.of("city", 42)));
    assertThat(result.isError()).isTrue();
    assertThat(((McpSchema.TextContent) result.content().get(0)).text())
        .isEqualTo("Invalid arguments for tool 'get_weather':\ncity: expected a string, got 42");
  }
}
