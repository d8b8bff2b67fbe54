package dev.toolsmith.examples.toolbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolsmith.runtime.testing.DynamoDbLocal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The packaged jar, run as the toolbox README says: with no AWS account (memory sessions, a
 * generated token it prints), and with {@code MCP_SESSION_TABLE} pointing at DynamoDB Local.
 */
class ToolboxJarIT {
  private static final Path JAR = Path.of(System.getProperty("toolbox.jar", "target/toolbox.jar"));

  @Test
  void withNoAwsAccount_servesWithAGeneratedTokenAndMemorySessions() throws Exception {
    assertThat(JAR).exists();
    Process process = start(Map.of());
    try {
      List<String> banner = banner(process);
      assertThat(banner.get(0))
          .startsWith("Toolbox MCP server listening at http://127.0.0.1:")
          .endsWith("/mcp");
      assertThat(banner.get(1))
          .isEqualTo("Sessions: in-memory session store (at most 10000 sessions, 1000 per owner)");
      String token = banner.get(2).substring(banner.get(2).lastIndexOf(' ') + 1);
      assertThat(token).matches("[0-9a-f]{48}");
      String url = banner.get(0).substring(banner.get(0).indexOf("http://"));

      assertThat(RawHttp.post(url, null, null, RawHttp.INITIALIZE).statusCode()).isEqualTo(401);
      HttpResponse<String> init = RawHttp.post(url, "Bearer " + token, null, RawHttp.INITIALIZE);
      assertThat(init.statusCode()).isEqualTo(200);
      String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      HttpResponse<String> call = RawHttp.post(url, "Bearer " + token, id, RawHttp.INCREMENT);
      assertThat(call.body()).contains("\"text\":\"1\"");
    } finally {
      stop(process);
    }
  }

  @Test
  void withMcpSessionTable_keepsSessionsInDynamoDb() throws Exception {
    try (DynamoDbLocal dynamo = DynamoDbLocal.start()) {
      dynamo.createSessionTable("toolbox_sessions");
      Process process =
          start(
              Map.of(
                  "MCP_AUTH_TOKEN", Backends.TOKEN,
                  "MCP_SESSION_TABLE", "toolbox_sessions",
                  "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString(),
                  "AWS_REGION", "us-east-1",
                  "AWS_ACCESS_KEY_ID", "local",
                  "AWS_SECRET_ACCESS_KEY", "local"));
      try {
        List<String> banner = banner(process);
        assertThat(banner.get(1))
            .isEqualTo("Sessions: DynamoDB session store (table toolbox_sessions)");
        String url = banner.get(0).substring(banner.get(0).indexOf("http://"));
        String id = RawHttp.initialize(url);
        assertThat(RawHttp.increment(url, id)).isEqualTo(1);
        assertThat(RawHttp.increment(url, id)).isEqualTo(2);
        Map<String, AttributeValue> item =
            dynamo
                .client()
                .getItem(
                    get ->
                        get.tableName("toolbox_sessions")
                            .key(Map.of("session_id", AttributeValue.fromS(id)))
                            .consistentRead(true))
                .item();
        assertThat(item.get("data").m().get("counter").n()).isEqualTo("2");
      } finally {
        stop(process);
      }
    }
  }

  /**
   * Two servers over one table and one {@code MCP_SESSION_KEY}, as two Lambda execution
   * environments are: {@code initialize} on one writes nothing, the other serves the session by its
   * seal, the first tool write creates the item, and an ended session stays ended everywhere.
   */
  @Test
  void withMcpSessionKey_initializeWritesNothing_andEverySharerServesTheSession() throws Exception {
    try (DynamoDbLocal dynamo = DynamoDbLocal.start()) {
      dynamo.createSessionTable("sealed_sessions");
      Map<String, String> environment =
          Map.of(
              "MCP_AUTH_TOKEN", Backends.TOKEN,
              "MCP_SESSION_TABLE", "sealed_sessions",
              "MCP_SESSION_KEY", "toolbox-test-session-key-0123456789abcdef",
              "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString(),
              "AWS_REGION", "us-east-1",
              "AWS_ACCESS_KEY_ID", "local",
              "AWS_SECRET_ACCESS_KEY", "local");
      Process one = start(environment);
      Process two = start(environment);
      try {
        String urlOne = url(banner(one));
        String urlTwo = url(banner(two));
        String id = RawHttp.initialize(urlOne);

        assertThat(id).hasSize(54);
        assertThat(sessionItem(dynamo, "sealed_sessions", id))
            .as("item after initialize")
            .isEmpty();
        assertThat(RawHttp.increment(urlTwo, id)).isEqualTo(1);
        assertThat(RawHttp.increment(urlOne, id)).isEqualTo(2);
        assertThat(sessionItem(dynamo, "sealed_sessions", id).get("data").m().get("counter").n())
            .isEqualTo("2");

        assertThat(RawHttp.delete(urlTwo, "Bearer " + Backends.TOKEN, id).statusCode())
            .isEqualTo(204);
        assertThat(
                RawHttp.post(urlOne, "Bearer " + Backends.TOKEN, id, RawHttp.INCREMENT)
                    .statusCode())
            .as("the ended session, on the other server")
            .isEqualTo(404);
      } finally {
        stop(one);
        stop(two);
      }
    }
  }

  private static String url(List<String> banner) {
    return banner.get(0).substring(banner.get(0).indexOf("http://"));
  }

  private static Map<String, AttributeValue> sessionItem(
      DynamoDbLocal dynamo, String table, String id) {
    return dynamo
        .client()
        .getItem(
            get ->
                get.tableName(table)
                    .key(Map.of("session_id", AttributeValue.fromS(id)))
                    .consistentRead(true))
        .item();
  }

  @Test
  void withPowertoolsVariables_logsAJsonLinePerRequest_andWritesCloudWatchMetrics()
      throws Exception {
    Process process =
        start(
            Map.of(
                "MCP_AUTH_TOKEN", Backends.TOKEN,
                "POWERTOOLS_SERVICE_NAME", "toolbox",
                "POWERTOOLS_METRICS_NAMESPACE", "Toolsmith",
                "TOOLSMITH_LOG_FORMAT", "json"));
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> banner = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      banner.add(stdout.readLine());
    }
    // What the server prints from here on, read as it comes: destroying the process closes its
    // pipe.
    List<String> output = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                  output.add(line);
                }
              } catch (IOException closed) {
                // The process stopped.
              }
            });
    reader.setDaemon(true);
    reader.start();
    String id;
    try {
      String url = banner.get(0).substring(banner.get(0).indexOf("http://"));
      id = RawHttp.initialize(url);
      assertThat(RawHttp.increment(url, id)).isEqualTo(1);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (output.stream().noneMatch(line -> line.contains("\"_aws\""))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } finally {
      stop(process);
    }
    List<JsonNode> json = new ArrayList<>();
    for (String line : output) {
      json.add(new ObjectMapper().readTree(line));
    }
    JsonNode call =
        json.stream()
            .filter(line -> "tools/call".equals(line.path("mcp_method").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no request line for tools/call in " + output));
    assertThat(call.path("service").asText()).isEqualTo("toolbox");
    assertThat(call.path("mcp_name").asText()).isEqualTo("increment_counter");
    assertThat(call.path("mcp_outcome").asText()).isEqualTo("ok");
    assertThat(call.path("mcp_session_id").asText()).isEqualTo(id);
    assertThat(call.toString()).doesNotContain(Backends.TOKEN);
    JsonNode metrics =
        json.stream()
            .filter(line -> line.has("_aws"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no EMF document in " + output));
    assertThat(metrics.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Toolsmith");
    assertThat(metrics.path("tool").asText()).isEqualTo("increment_counter");
    assertThat(metrics.path("Invocations").asInt()).isEqualTo(1);
  }

  @Test
  void onLambda_theFunctionsClassLoader_setsUpLoggingOnFirstUse_withTheToolboxFormat()
      throws Exception {
    Path classes =
        Path.of(
            FunctionClassLoaderLauncher.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path stderr = Files.createTempFile("toolbox-lambda", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classes.toString(),
                FunctionClassLoaderLauncher.class.getName(),
                JAR.toAbsolutePath().toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile());
    builder.environment().put("MCP_AUTH_TOKEN", Backends.TOKEN);
    builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "toolbox");
    builder.environment().remove("MCP_SESSION_TABLE");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String errors = Files.readString(stderr);

    assertThat(process.exitValue()).as(errors).isZero();
    assertThat(errors.lines())
        .as("the toolbox's format, read through the function's class loader:\n" + errors)
        .contains(
            "WARNING dev.toolsmith.runtime - logged after ToolboxHandler",
            "WARNING software.amazon.awssdk.core - an SDK warning");
    assertThat(errors)
        .doesNotContain("below the toolbox's level")
        .doesNotContain("Logging configuration class");
  }

  private static Process start(Map<String, String> environment) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString())
            .redirectError(Files.createTempFile("toolbox", ".err").toFile());
    builder.environment().remove("MCP_AUTH_TOKEN");
    builder.environment().remove("MCP_AUTH_TOKENS");
    builder.environment().remove("MCP_SESSION_TABLE");
    builder.environment().remove("MCP_SESSION_KEY");
    builder.environment().put("PORT", "0");
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static List<String> banner(Process process) throws Exception {
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String line = stdout.readLine();
      assertThat(line).as("banner line " + (i + 1)).isNotNull();
      lines.add(line);
    }
    return lines;
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
  }
}
