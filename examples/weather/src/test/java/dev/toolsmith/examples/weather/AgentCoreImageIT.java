package dev.toolsmith.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AgentCore Runtime image's command, run here the way the platform runs it: no Docker engine
 * runs on this machine, so the test reads {@code Dockerfile.agentcore}, checks it states the
 * platform's contract (ARM64, {@code 0.0.0.0:8000}), and runs its {@code CMD} with its {@code ENV}
 * against the packaged jar, on a free loopback port (tests bind loopback). A real client then
 * drives it as the platform does: the health probe, and requests carrying the {@code
 * Mcp-Session-Id} and {@code X-Amzn-Bedrock-AgentCore-Runtime-Session-Id} the platform generates.
 */
class AgentCoreImageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PLATFORM_SESSION = UUID.randomUUID().toString();
  private static final String RUNTIME_SESSION = UUID.randomUUID().toString();
  private static final List<String> INSTRUCTIONS = new ArrayList<>();
  private static Process server;
  private static URI base;

  @BeforeAll
  static void runTheImageCommand() throws Exception {
    for (String line : Files.readAllLines(Path.of("Dockerfile.agentcore"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        INSTRUCTIONS.add(line.trim());
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    List<String> command = new ArrayList<>();
    for (String instruction : INSTRUCTIONS) {
      if (instruction.startsWith("ENV ")) {
        for (String pair : instruction.substring(4).trim().split("\\s+")) {
          env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
      } else if (instruction.startsWith("CMD ")) {
        for (JsonNode part : JSON.readTree(instruction.substring(4))) {
          command.add(part.asText());
        }
      }
    }
    assertThat(env).containsEntry("HOST", "0.0.0.0").containsEntry("PORT", "8000");
    assertThat(command.get(0)).isEqualTo("java");
    command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.replaceAll(
        part ->
            part.equals("/app/weather.jar")
                ? System.getProperty("weather.jar", "target/weather.jar")
                : part);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(Files.createTempFile("weather-agentcore", ".err").toFile());
    builder.environment().putAll(env);
    builder.environment().put("HOST", "127.0.0.1");
    builder.environment().put("PORT", Integer.toString(port));
    server = builder.start();
    String banner =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
    assertThat(banner)
        .isEqualTo("Weather MCP server listening at http://127.0.0.1:" + port + "/mcp");
    base = URI.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.destroy();
      server.waitFor(15, TimeUnit.SECONDS);
    }
  }

  @Test
  void theDockerfile_statesTheContract() {
    assertThat(INSTRUCTIONS.get(0)).isEqualTo("FROM --platform=linux/arm64 eclipse-temurin:21-jre");
    assertThat(INSTRUCTIONS).contains("COPY target/weather.jar /app/weather.jar", "EXPOSE 8000");
  }

  @Test
  void theHealthProbe_answersHealthy() throws Exception {
    HttpResponse<String> ping =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/ping")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ping.body()).path("status").asText()).isEqualTo("Healthy");
  }

  @Test
  void platformSessionHeaders_areAcceptedThoughTheServerNeverIssuedThem() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", PLATFORM_SESSION)
                .header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", RUNTIME_SESSION)
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                            + "{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Seattle\"}}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).at("/result/content/0/text").asText())
        .isEqualTo("The weather in Seattle is sunny and 72°F.");
  }

  @Test
  void theJavaSdkClient_worksThroughThePlatformHeaders() {
    var transport =
        HttpClientStreamableHttpTransport.builder(base.toString())
            .endpoint("/mcp")
            .httpRequestCustomizer(
                (request, method, uri, body, context) ->
                    request
                        .header("Mcp-Session-Id", PLATFORM_SESSION)
                        .header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", RUNTIME_SESSION))
            .build();
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(10))
            .clientInfo(new McpSchema.Implementation("agentcore-like", "1.0"))
            .build();
    try {
      assertThat(client.initialize().serverInfo().name()).isEqualTo("weather");
      McpSchema.CallToolResult result =
          client.callTool(new McpSchema.CallToolRequest("get_weather", Map.of("city", "Oslo")));
      assertThat(((McpSchema.TextContent) result.content().get(0)).text())
          .isEqualTo("The weather in Oslo is sunny and 72°F.");
    } finally {
      client.close();
    }
  }
}
