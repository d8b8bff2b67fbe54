package dev.toolsmith.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The image's {@code RUN} step, which trains the class-data archive, runs first, so the command
 * starts with the archive the image would hold.
 */
class AgentCoreImageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PLATFORM_SESSION = UUID.randomUUID().toString();
  private static final String RUNTIME_SESSION = UUID.randomUUID().toString();
  private static final DockerfileInstructions DOCKERFILE =
      DockerfileInstructions.read("Dockerfile.agentcore");
  private static Process server;
  private static URI base;
  private static Path archive;
  private static Path classLoadLog;

  @BeforeAll
  static void runTheImageCommand() throws Exception {
    Path target = Path.of(System.getProperty("weather.jar", "target/weather.jar")).getParent();
    archive = target.resolve("weather.jsa");
    classLoadLog = target.resolve("agentcore-class-load.log");
    Files.deleteIfExists(archive);
    train(target);
    Map<String, String> env = DOCKERFILE.env();
    List<String> command = DOCKERFILE.exec("CMD");
    assertThat(env).containsEntry("HOST", "0.0.0.0").containsEntry("PORT", "8000");
    assertThat(command.get(0)).isEqualTo("java");
    command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.replaceAll(part -> inTarget(part, target));
    // Records where each class came from, for the archive test; it changes nothing else.
    command.add(1, "-Xlog:class+load=info:file=" + classLoadLog);
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

  /** Replaces an image path under {@code /app/} with the same file in the build's target. */
  private static String inTarget(String part, Path target) {
    String replaced = part;
    for (String file : List.of("weather.jar", "weather.jsa")) {
      replaced = replaced.replace("/app/" + file, target.resolve(file).toString());
    }
    return replaced;
  }

  /** Runs the Dockerfile's {@code RUN} training step, on a free port instead of its fixed one. */
  private static void train(Path target) throws Exception {
    List<String> words = DOCKERFILE.run();
    String trainingPort = words.remove(0);
    assertThat(trainingPort).startsWith("PORT=");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String fixed = trainingPort.substring("PORT=".length());
    words.replaceAll(
        word -> inTarget(word, target).replace("127.0.0.1:" + fixed, "127.0.0.1:" + port));
    assertThat(words.get(0)).isEqualTo("java");
    words.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder training =
        new ProcessBuilder(words)
            .redirectErrorStream(true)
            .redirectOutput(target.resolve("agentcore-training.log").toFile());
    training.environment().put("PORT", Integer.toString(port));
    Process process = training.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as(Files.readString(target.resolve("agentcore-training.log")))
        .isZero();
    assertThat(archive).isNotEmptyFile();
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
    assertThat(DOCKERFILE.all().get(0))
        .isEqualTo("FROM --platform=linux/arm64 eclipse-temurin:21-jre");
    assertThat(DOCKERFILE.all())
        .contains("COPY target/weather.jar /app/weather.jar", "EXPOSE 8000");
  }

  @Test
  void theImagesArchive_holdsTheServersRequestPath() throws Exception {
    theHealthProbe_answersHealthy();
    ClassLoadLog.assertMappedFromArchive(
        classLoadLog,
        List.of(
            "dev.toolsmith.runtime.jetty.McpHandler",
            "dev.toolsmith.runtime.internal.protocol.McpEngine",
            "org.eclipse.jetty.server.Server",
            "dev.toolsmith.examples.weather.WeatherTools_McpTools"));
  }

  @Test
  void anArchiveThisJvmCannotUse_isIgnored_andTheServerStillStarts() throws Exception {
    Path garbage = Files.createTempFile("not-an-archive", ".jsa");
    Files.writeString(garbage, "not a class-data archive");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + garbage,
                "-Xlog:cds=off",
                "-jar",
                System.getProperty("weather.jar", "target/weather.jar"))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", Integer.toString(port));
    Process other = builder.start();
    try {
      String banner =
          new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertThat(banner)
          .isEqualTo("Weather MCP server listening at http://127.0.0.1:" + port + "/mcp");
    } finally {
      other.destroy();
      other.waitFor(15, TimeUnit.SECONDS);
    }
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
