package dev.toolsmith.examples.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.testing.FakeLambdaService;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, run as the README says with nothing configured: embedded PostgreSQL, the
 * development issuer, and the token command it prints, followed to the letter.
 */
class BoardJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("board.jar", "target/message-board-local.jar"));
  private static final Path LAMBDA_JAR =
      Path.of(System.getProperty("board.lambda.jar", "target/message-board.jar"));

  @Test
  void theLambdaJar_carriesTheHandler_butNoDevelopmentIssuerEmbeddedDatabaseHttpServerOrLocalMain()
      throws Exception {
    List<String> entries = new ArrayList<>();
    try (JarFile jar = new JarFile(LAMBDA_JAR.toFile())) {
      jar.stream().forEach(entry -> entries.add(entry.getName()));
    }
    assertThat(entries)
        .contains(
            "dev/toolsmith/examples/board/MessageBoardHandler.class",
            "dev/toolsmith/runtime/auth/oidc/OidcAuthenticator.class",
            "dev/toolsmith/runtime/lambda/McpLambdaHandler.class");
    assertThat(entries)
        .noneMatch(name -> name.startsWith("dev/toolsmith/runtime/auth/devissuer/"))
        .noneMatch(name -> name.startsWith("io/zonky/"))
        .noneMatch(name -> name.startsWith("org/eclipse/jetty/"))
        .noneMatch(name -> name.startsWith("dev/toolsmith/runtime/jetty/"))
        .noneMatch(name -> name.startsWith("dev/toolsmith/examples/board/BoardServer"));
  }

  @Test
  void theLambdaJar_servesToolCallsThroughTheRealRuntimeClient_withAJsonRequestLogAndMetrics()
      throws Exception {
    BoardBackends backends = BoardBackends.get();
    try (FakeLambdaService lambda = new FakeLambdaService()) {
      Process runtime =
          lambda.startRuntimeClient(
              "dev.toolsmith.examples.board.MessageBoardHandler::handleRequest",
              Map.of(
                  "AWS_LAMBDA_FUNCTION_NAME", "message-board",
                  "DATABASE_URL", backends.jdbcUrl(),
                  "DB_USER", "postgres",
                  "MCP_OIDC_ISSUER", backends.issuer(),
                  "MCP_SERVER_URL", backends.serverUrl,
                  "POWERTOOLS_SERVICE_NAME", "board",
                  "POWERTOOLS_METRICS_NAMESPACE", "Toolsmith"),
              LAMBDA_JAR + File.pathSeparator + FakeLambdaService.runtimeClientClassPath());
      try {
        String event =
            "{\"version\":\"2.0\",\"rawPath\":\"/mcp\",\"headers\":{\"content-type\":\"application/json\","
                + "\"accept\":\"application/json, text/event-stream\",\"authorization\":\"Bearer "
                + backends.token("grace", BoardTools.READ)
                + "\"},\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/mcp\"}},"
                + "\"body\":"
                + new ObjectMapper()
                    .writeValueAsString(BoardBackends.toolCall("get_messages", "{}"))
                + ",\"isBase64Encoded\":false}";
        JsonNode response =
            new ObjectMapper().readTree(lambda.invoke(event).get(60, TimeUnit.SECONDS));
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        assertThat(response.path("body").asText()).contains("\"result\"");
        assertThat(lambda.errors()).isEmpty();
      } finally {
        runtime.destroy();
        runtime.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void oneCommandServesTheBoard_withATokenFromThePrintedCommand_andStopsCleanly() throws Exception {
    assertThat(JAR).exists();
    int port = BoardBackends.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString())
            .redirectError(Files.createTempFile("board", ".err").toFile());
    for (String variable :
        List.of("DATABASE_URL", "DB_HOST", "MCP_OIDC_ISSUER", "MCP_OIDC_PROVIDER")) {
      builder.environment().remove(variable);
    }
    builder.environment().put("PORT", Integer.toString(port));
    Process process = builder.start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      List<String> banner = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        banner.add(out.readLine());
      }
      String url = "http://127.0.0.1:" + port + "/mcp";
      assertThat(banner.get(0)).isEqualTo("Message board MCP server listening at " + url);
      assertThat(banner.get(1)).startsWith("Database: embedded PostgreSQL on port ");
      Matcher command =
          Pattern.compile(
                  "curl -s -d sub=alice -d 'scope=([^']*)' (http://127\\.0\\.0\\.1:\\d+/token)")
              .matcher(banner.get(3));
      assertThat(command.find()).as(banner.get(3)).isTrue();

      HttpClient http = HttpClient.newHttpClient();
      String token =
          Json.parse(
                  http.send(
                          HttpRequest.newBuilder(URI.create(command.group(2)))
                              .header("Content-Type", "application/x-www-form-urlencoded")
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      "sub=alice&scope=" + command.group(1).replace(" ", "+")))
                              .build(),
                          HttpResponse.BodyHandlers.ofByteArray())
                      .body())
              .path("access_token")
              .asText();
      assertThat(send(http, url, null, "get_messages", "{}").statusCode()).isEqualTo(401);
      assertThat(send(http, url, token, "post_message", "{\"text\":\"hello from the jar\"}").body())
          .contains("as alice.");
      assertThat(send(http, url, token, "get_messages", "{}").body())
          .contains("{\"id\":1,\"author\":\"alice\",\"text\":\"hello from the jar\"");
    } finally {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
  }

  private static HttpResponse<String> send(
      HttpClient http, String url, String token, String tool, String arguments) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2025-11-25")
            .POST(HttpRequest.BodyPublishers.ofString(BoardBackends.toolCall(tool, arguments)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
