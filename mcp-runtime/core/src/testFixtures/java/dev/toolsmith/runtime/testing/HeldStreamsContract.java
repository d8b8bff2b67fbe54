package dev.toolsmith.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every adapter that holds streams must do, on the wire: handshake-era calls on held streams,
 * input requests sent to the client while the tool waits, progress as it happens, cancellation, a
 * client that leaves, and an answer that never comes. Each adapter's test extends it and serves
 * {@link #mcpServer()}.
 */
public abstract class HeldStreamsContract {

  /** Returns the MCP endpoint of a server that serves {@link #mcpServer()}. */
  protected abstract URI url();

  /** Returns the MCP server every adapter under test serves. */
  public static McpServer mcpServer() {
    return McpServer.builder()
        .name("held")
        .discoverTools(false)
        .tools(new AskingPack())
        .clientAnswerTimeout(Duration.ofSeconds(2))
        .keepAliveInterval(Duration.ofMillis(200))
        .build();
  }

  private String call(int id, String tool, String session) {
    return HttpWire.post(
        url(),
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
            + tool
            + "\",\"_meta\":{\"progressToken\":\"p"
            + id
            + "\"}}}",
        "Mcp-Session-Id: " + session);
  }

  private HttpWire.Response answer(String id, String result, String session) throws Exception {
    try (HttpWire wire = HttpWire.connect(url())) {
      return wire.send(
              HttpWire.post(
                  url(),
                  "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"result\":" + result + "}",
                  "Mcp-Session-Id: " + session))
          .response();
    }
  }

  @Test
  void elicitation_isSentOnTheStream_andTheAnswerResumesTheTool() throws Exception {
    try (HttpWire wire = HttpWire.connect(url())) {
      HttpWire.Response head = wire.send(call(1, "greet", "s-1")).head();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Content-Type")).isEqualTo("text/event-stream");
      JsonNode asked = Json.parse(wire.nextEvent());
      assertThat(asked.path("method").asText()).isEqualTo("elicitation/create");
      assertThat(asked.at("/params/requestedSchema/properties/name/type").asText())
          .isEqualTo("string");

      HttpWire.Response accepted =
          answer(
              asked.path("id").asText(),
              "{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}",
              "s-1");
      assertThat(accepted.status()).isEqualTo(202);

      JsonNode result = Json.parse(wire.nextEvent());
      assertThat(result.path("id").asInt()).isEqualTo(1);
      assertThat(result.at("/result/content/0/text").asText()).isEqualTo("Hello, Ada!");
      assertThat(wire.nextEvent()).isNull();
    }
  }

  @Test
  void anAnswerFromAnotherSession_doesNotReachTheCall() throws Exception {
    try (HttpWire wire = HttpWire.connect(url())) {
      wire.send(call(2, "greet", "s-owner")).head();
      String id = Json.parse(wire.nextEvent()).path("id").asText();
      answer(id, "{\"action\":\"accept\",\"content\":{\"name\":\"Mallory\"}}", "s-other");
      answer(id, "{\"action\":\"accept\",\"content\":{\"name\":\"Grace\"}}", "s-owner");
      JsonNode result = Json.parse(wire.nextEvent());
      assertThat(result.at("/result/content/0/text").asText()).isEqualTo("Hello, Grace!");
    }
  }

  @Test
  void severalInputs_areAskedAtOnce() throws Exception {
    try (HttpWire wire = HttpWire.connect(url())) {
      wire.send(call(3, "everything", "s-3")).head();
      JsonNode first = Json.parse(wire.nextEvent());
      JsonNode second = Json.parse(wire.nextEvent());
      JsonNode third = Json.parse(wire.nextEvent());
      assertThat(first.path("method").asText()).isEqualTo("elicitation/create");
      assertThat(second.path("method").asText()).isEqualTo("sampling/createMessage");
      assertThat(third.path("method").asText()).isEqualTo("roots/list");
      answer(third.path("id").asText(), "{\"roots\":[]}", "s-3");
      answer(
          second.path("id").asText(),
          "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"hi\"},\"model\":\"m\"}",
          "s-3");
      answer(first.path("id").asText(), "{\"action\":\"decline\"}", "s-3");
      JsonNode result = Json.parse(wire.nextEvent());
      assertThat(result.at("/result/content/0/text").asText())
          .isEqualTo("got [user_name, greeting, client_roots]");
    }
  }

  @Test
  void aClientError_becomesAToolErrorThatSaysSo() throws Exception {
    try (HttpWire wire = HttpWire.connect(url())) {
      wire.send(call(4, "greet", "s-4")).head();
      String id = Json.parse(wire.nextEvent()).path("id").asText();
      try (HttpWire other = HttpWire.connect(url())) {
        other
            .send(
                HttpWire.post(
                    url(),
                    "{\"jsonrpc\":\"2.0\",\"id\":\""
                        + id
                        + "\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}",
                    "Mcp-Session-Id: s-4"))
            .response();
      }
      JsonNode result = Json.parse(wire.nextEvent()).path("result");
      assertThat(result.path("isError").asBoolean()).isTrue();
      assertThat(result.at("/content/0/text").asText())
          .contains("The client refused elicitation/create ('user_name'): Method not found");
    }
  }

  @Test
  void anUnansweredRequest_timesOutIntoAToolError() throws Exception {
    try (HttpWire wire = HttpWire.connect(url())) {
      wire.send(call(5, "greet", "s-5")).head();
      assertThat(Json.parse(wire.nextEvent()).path("method").asText())
          .isEqualTo("elicitation/create");
      JsonNode result = Json.parse(wire.nextEvent()).path("result");
      assertThat(result.path("isError").asBoolean()).isTrue();
      assertThat(result.at("/content/0/text").asText())
          .contains("did not answer elicitation/create ('user_name') within 2 s");
    }
  }

  @Test
  void progress_streamsAsItHappens_andCancellationStopsTheTool() throws Exception {
    int before = AskingPack.CANCELLED_RUNS.get();
    try (HttpWire wire = HttpWire.connect(url())) {
      wire.send(call(6, "until_cancelled", "s-6")).head();
      JsonNode progress = Json.parse(wire.nextEvent());
      assertThat(progress.path("method").asText()).isEqualTo("notifications/progress");
      assertThat(progress.at("/params/progressToken").asText()).isEqualTo("p6");
      try (HttpWire other = HttpWire.connect(url())) {
        HttpWire.Response cancelled =
            other
                .send(
                    HttpWire.post(
                        url(),
                        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                            + "\"params\":{\"requestId\":6,\"reason\":\"user hit stop\"}}",
                        "Mcp-Session-Id: s-6"))
                .response();
        assertThat(cancelled.status()).isEqualTo(202);
      }
      String event;
      while ((event = wire.nextEvent()) != null) {
        assertThat(Json.parse(event).path("method").asText())
            .as("only progress, never a response, follows a cancellation")
            .isEqualTo("notifications/progress");
      }
    }
    assertThat(AskingPack.CANCELLED_RUNS.get()).isEqualTo(before + 1);
  }

  @Test
  void aClientThatLeaves_cancelsItsCall() throws Exception {
    int before = AskingPack.CANCELLED_RUNS.get();
    try (HttpWire wire = HttpWire.connect(url())) {
      wire.send(call(7, "until_cancelled", "s-7")).head();
      wire.nextEvent();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (AskingPack.CANCELLED_RUNS.get() == before && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(AskingPack.CANCELLED_RUNS.get()).isEqualTo(before + 1);
  }

  @Test
  void withoutEventStreamInAccept_theClientIsToldWhyItCannotBeAsked() throws Exception {
    try (HttpWire wire = HttpWire.connect(url())) {
      String request =
          HttpWire.post(
                  url(),
                  "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"greet\"}}")
              .replace("Accept: application/json, text/event-stream", "Accept: application/json");
      HttpWire.Response response = wire.send(request).response();
      assertThat(response.header("Content-Type")).isEqualTo("application/json");
      assertThat(Json.parse(response.body()).at("/result/content/0/text").asText())
          .contains("the client's Accept header does not admit text/event-stream");
    }
  }
}
