package dev.toolsmith.runtime.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.testing.AskingPack;
import dev.toolsmith.runtime.testing.HeldStreamsContract;
import dev.toolsmith.runtime.testing.NodeTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official clients in the handshake era against the Jetty server: each answers an elicitation
 * and a sampling request the server sends on a held stream, and the TypeScript client cancels a
 * running call.
 */
class RealClientsTest {
  private static McpHttpServer http;

  @BeforeAll
  static void start() throws Exception {
    http =
        McpHttpServer.builder(HeldStreamsContract.mcpServer()).port(0).stopOnSignal(false).start();
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void typeScriptSdkV2Client_elicitsSamplesAndCancels() throws Exception {
    int cancelledBefore = AskingPack.CANCELLED_RUNS.get();
    NodeTools node = NodeTools.installed();
    NodeTools.Result result =
        NodeTools.run(
            node.script(
                Path.of("src/test/resources/clients/handshake-round-trips.mjs"),
                http.url().toString()),
            Duration.ofMinutes(2));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    String[] lines = result.stdout().trim().split("\n");
    JsonNode results = Json.parse(lines[lines.length - 1]);
    assertThat(results.path("greet").asText()).isEqualTo("Hello, TypeScript!");
    assertThat(results.path("everything").asText())
        .isEqualTo("got [user_name, greeting, client_roots]");
    assertThat(results.path("cancel").asText()).isEqualTo("aborted");
    waitFor(() -> AskingPack.CANCELLED_RUNS.get() > cancelledBefore);
  }

  @Test
  void javaSdkClient_answersElicitationAndSampling() {
    var transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.port())
            .endpoint("/mcp")
            .build();
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(20))
            .clientInfo(new McpSchema.Implementation("toolsmith-test", "1.0"))
            .capabilities(
                McpSchema.ClientCapabilities.builder().elicitation().sampling().roots(true).build())
            .roots(List.of(new McpSchema.Root("file:///work", "work")))
            .elicitation(
                request ->
                    new McpSchema.ElicitResult(
                        McpSchema.ElicitResult.Action.ACCEPT, Map.of("name", "Java")))
            .sampling(
                request ->
                    new McpSchema.CreateMessageResult(
                        McpSchema.Role.ASSISTANT,
                        new McpSchema.TextContent("sampled"),
                        "test-model",
                        McpSchema.CreateMessageResult.StopReason.END_TURN))
            .build();
    try {
      assertThat(client.initialize().protocolVersion()).isEqualTo("2025-11-25");
      assertThat(text(client.callTool(new McpSchema.CallToolRequest("greet", Map.of()))))
          .isEqualTo("Hello, Java!");
      assertThat(text(client.callTool(new McpSchema.CallToolRequest("everything", Map.of()))))
          .isEqualTo("got [user_name, greeting, client_roots]");
    } finally {
      client.close();
    }
  }

  /**
   * The Java SDK 2.2.0's handshake-era client has no way to send {@code notifications/cancelled}
   * (its legacy client never names the method), so what it can do is leave: closing it mid-call
   * drops the call's stream, and the server cancels the call.
   */
  @Test
  void javaSdkClient_thatLeavesMidCall_cancelsIt() throws Exception {
    int cancelledBefore = AskingPack.CANCELLED_RUNS.get();
    var transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.port())
            .endpoint("/mcp")
            .build();
    java.util.concurrent.CountDownLatch progressing = new java.util.concurrent.CountDownLatch(1);
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(30))
            .clientInfo(new McpSchema.Implementation("toolsmith-test", "1.0"))
            .progressConsumer(progress -> progressing.countDown())
            .build();
    client.initialize();
    Thread call =
        new Thread(
            () -> {
              try {
                client.callTool(
                    McpSchema.CallToolRequest.builder()
                        .name("until_cancelled")
                        .arguments(Map.of())
                        .progressToken("java-1")
                        .build());
              } catch (RuntimeException expected) {
                // The client was closed under the call.
              }
            });
    call.start();
    assertThat(progressing.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    client.close();
    waitFor(() -> AskingPack.CANCELLED_RUNS.get() > cancelledBefore);
    call.join(10_000);
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as("the server saw the cancellation").isTrue();
  }
}
