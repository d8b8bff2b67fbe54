package dev.toolsmith.runtime.local;

import static dev.toolsmith.runtime.testing.Mcp.error;
import static dev.toolsmith.runtime.testing.Mcp.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.HttpWire;
import dev.toolsmith.runtime.testing.Mcp;
import dev.toolsmith.runtime.testing.TaskPack;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Task status notifications on a {@code subscriptions/listen} stream held by the local server: the
 * acknowledgement, the state now and at each change, and the end once the task has ended; and what
 * a transport that cannot hold the stream answers instead.
 */
class TaskSubscriptionsTest {
  private static final String TASKS =
      "\"io.modelcontextprotocol/clientCapabilities\":{\"extensions\":"
          + "{\"io.modelcontextprotocol/tasks\":{}}}";

  private final TaskPack pack = new TaskPack();
  private McpServer server;
  private LocalMcpServer http;

  @BeforeEach
  void start() throws Exception {
    server = McpServer.builder().name("tasks").tools(pack).discoverTools(false).build();
    http = LocalMcpServer.start(server, 0);
  }

  @AfterEach
  void stop() {
    pack.release.countDown();
    http.close();
  }

  @Test
  void aHeldListen_sendsTheTasksStateNowAndAtEachChange_thenEnds() throws Exception {
    String taskId = result(call("wait")).path("taskId").asText();
    try (HttpWire wire = HttpWire.connect(http.url())) {
      HttpWire.Response head = wire.send(listen(7, "[\"" + taskId + "\"]")).head();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Content-Type")).isEqualTo("text/event-stream");

      JsonNode ack = Json.parse(wire.nextEvent());
      assertThat(ack.path("method").asText()).isEqualTo("notifications/subscriptions/acknowledged");
      assertThat(ack.at("/params/notifications/taskIds/0").asText()).isEqualTo(taskId);
      assertThat(ack.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asInt())
          .isEqualTo(7);

      JsonNode working = Json.parse(wire.nextEvent());
      assertThat(working.path("method").asText()).isEqualTo("notifications/tasks");
      assertThat(working.at("/params/taskId").asText()).isEqualTo(taskId);
      assertThat(working.at("/params/status").asText()).isEqualTo("working");

      pack.release.countDown();
      JsonNode completed = Json.parse(wire.nextEvent());
      assertThat(completed.at("/params/status").asText()).isEqualTo("completed");
      assertThat(completed.at("/params/result/content/0/text").asText())
          .isEqualTo("released, in task=true");
      assertThat(completed.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asInt())
          .isEqualTo(7);

      JsonNode end = Json.parse(wire.nextEvent());
      assertThat(end.path("id").asInt()).isEqualTo(7);
      assertThat(end.at("/result/resultType").asText()).isEqualTo("complete");
      assertThat(end.at("/result/_meta/io.modelcontextprotocol~1subscriptionId").asInt())
          .isEqualTo(7);
      assertThat(wire.nextEvent()).isNull();
    }
  }

  @Test
  void unknownTasks_areNotHonoured_andTheListenEndsAtOnce() throws Exception {
    try (HttpWire wire = HttpWire.connect(http.url())) {
      wire.send(listen(8, "[\"no-such-task\"]")).head();
      JsonNode ack = Json.parse(wire.nextEvent());
      assertThat(ack.at("/params/notifications").size()).isZero();
      JsonNode end = Json.parse(wire.nextEvent());
      assertThat(end.path("id").asInt()).isEqualTo(8);
      assertThat(end.has("result")).isTrue();
    }
  }

  @Test
  void aTransportThatCannotHoldTheStream_acknowledgesNothing_andEnds() throws Exception {
    String taskId = result(call("wait")).path("taskId").asText();
    HttpRequest request =
        Mcp.modern(
            "subscriptions/listen", null, "\"notifications\":{\"taskIds\":[\"" + taskId + "\"]}");
    HttpResponse response = server.handle(withTasks(request));
    assertThat(response.bodyText())
        .contains("notifications/subscriptions/acknowledged")
        .contains("\"notifications\":{}")
        .doesNotContain("notifications/tasks\"");
  }

  @Test
  void aListenWithoutAFilter_isInvalidParams() throws Exception {
    HttpResponse response =
        server.handle(withTasks(Mcp.modern("subscriptions/listen", null, "\"x\":1")));
    assertThat(error(response).path("code").asInt()).isEqualTo(-32602);
    assertThat(error(response).path("message").asText()).contains("params.notifications");
  }

  private HttpResponse call(String tool) {
    return server.handle(
        withTasks(Mcp.modern("tools/call", tool, "\"name\":\"" + tool + "\",\"arguments\":{}")));
  }

  private String listen(int id, String taskIds) {
    return HttpWire.post(
        http.url(),
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\"subscriptions/listen\",\"params\":{\"notifications\":{\"taskIds\":"
            + taskIds
            + "},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + TASKS
            + "}}}",
        "MCP-Protocol-Version: 2026-07-28",
        "Mcp-Method: subscriptions/listen");
  }

  private static HttpRequest withTasks(HttpRequest request) {
    String body =
        new String(request.body(), StandardCharsets.UTF_8)
            .replace("\"io.modelcontextprotocol/clientCapabilities\":{}", TASKS);
    return HttpRequest.of("POST", "/mcp", request.headers(), body.getBytes(StandardCharsets.UTF_8));
  }
}
