package dev.toolsmith.runtime.internal.protocol;

import static dev.toolsmith.runtime.testing.Mcp.error;
import static dev.toolsmith.runtime.testing.Mcp.jsonHeaders;
import static dev.toolsmith.runtime.testing.Mcp.legacy;
import static dev.toolsmith.runtime.testing.Mcp.post;
import static dev.toolsmith.runtime.testing.Mcp.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.AskingPack;
import dev.toolsmith.runtime.testing.LibraryPack;
import org.junit.jupiter.api.Test;

/**
 * Multi-round-trip requests (2026-07-28), client logging in both eras, and legacy subscriptions.
 */
class InputsAndLoggingTest {
  private static final String ALL_CAPABILITIES =
      "{\"elicitation\":{},\"sampling\":{},\"roots\":{}}";
  private final McpServer server =
      McpServer.builder()
          .name("asking")
          .tools(new AskingPack(), new LibraryPack())
          .discoverTools(false)
          .requestStateKey("0123456789abcdef0123456789abcdef".getBytes())
          .build();

  // --- multi-round-trip requests ---

  @Test
  void firstRound_asksForInput_withASignedState() throws Exception {
    JsonNode result = result(call("greet", "", ALL_CAPABILITIES));
    assertThat(result.path("resultType").asText()).isEqualTo("input_required");
    JsonNode request = result.at("/inputRequests/user_name");
    assertThat(request.path("method").asText()).isEqualTo("elicitation/create");
    assertThat(request.at("/params/message").asText()).isEqualTo("What is your name?");
    assertThat(request.at("/params/requestedSchema/required/0").asText()).isEqualTo("name");
    assertThat(result.path("requestState").asText()).contains(".");
    assertThat(result.has("content")).isFalse();
  }

  @Test
  void secondRound_withTheAnswer_completes() throws Exception {
    JsonNode first = result(call("greet", "", ALL_CAPABILITIES));
    JsonNode second =
        result(
            call(
                "greet",
                retry(
                    first,
                    "\"user_name\":{\"action\":\"accept\",\"content\":{\"name\":\"Alice\"}}"),
                ALL_CAPABILITIES));
    assertThat(second.path("resultType").asText()).isEqualTo("complete");
    assertThat(second.at("/content/0/text").asText()).isEqualTo("Hello, Alice!");
  }

  @Test
  void answersOfEarlierRounds_andStoredValues_travelInTheState() throws Exception {
    JsonNode first = result(call("two_steps", "", ALL_CAPABILITIES));
    assertThat(first.at("/inputRequests/step1").isObject()).isTrue();
    JsonNode second =
        result(
            call(
                "two_steps",
                retry(first, "\"step1\":{\"action\":\"accept\",\"content\":{\"name\":\"Bo\"}}"),
                ALL_CAPABILITIES));
    assertThat(second.path("resultType").asText()).isEqualTo("input_required");
    assertThat(second.at("/inputRequests/step2").isObject()).isTrue();
    assertThat(second.path("requestState").asText())
        .isNotEqualTo(first.path("requestState").asText());
    JsonNode third =
        result(
            call(
                "two_steps",
                retry(second, "\"step2\":{\"action\":\"accept\",\"content\":{\"color\":\"teal\"}}"),
                ALL_CAPABILITIES));
    assertThat(third.at("/content/0/text").asText()).isEqualTo("Bo likes teal (state yes)");
  }

  @Test
  void severalInputs_areAskedForAtOnce_andMissingOnesAgain() throws Exception {
    JsonNode first = result(call("everything", "", ALL_CAPABILITIES));
    assertThat(first.path("inputRequests").size()).isEqualTo(3);
    assertThat(first.at("/inputRequests/greeting/method").asText())
        .isEqualTo("sampling/createMessage");
    assertThat(first.at("/inputRequests/client_roots/method").asText()).isEqualTo("roots/list");
    JsonNode partial =
        result(
            call(
                "everything",
                retry(
                    first,
                    "\"user_name\":{\"action\":\"accept\",\"content\":{\"name\":\"A\"}},\"unrelated\":{\"x\":1}"),
                ALL_CAPABILITIES));
    assertThat(partial.path("resultType").asText()).isEqualTo("input_required");
    assertThat(partial.path("inputRequests").size()).isEqualTo(2);
  }

  @Test
  void tamperedOrMisdirectedState_isMinus32602() throws Exception {
    JsonNode first = result(call("greet", "", ALL_CAPABILITIES));
    String state = first.path("requestState").asText();
    String tampered = (state.charAt(0) == 'A' ? 'B' : 'A') + state.substring(1);
    JsonNode error =
        error(call("greet", ",\"requestState\":\"" + tampered + "\"", ALL_CAPABILITIES));
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).contains("failed its integrity check");
    JsonNode misdirected =
        error(call("two_steps", ",\"requestState\":\"" + state + "\"", ALL_CAPABILITIES));
    assertThat(misdirected.path("message").asText()).contains("was issued for tools/call 'greet'");
  }

  @Test
  void malformedInputResponses_isMinus32602() throws Exception {
    assertThat(
            error(call("greet", ",\"inputResponses\":[1]", ALL_CAPABILITIES)).path("code").asInt())
        .isEqualTo(-32602);
    assertThat(
            error(call("greet", ",\"inputResponses\":{\"user_name\":\"Alice\"}", ALL_CAPABILITIES))
                .path("message")
                .asText())
        .contains("inputResponses.user_name");
  }

  @Test
  void undeclaredCapability_isMinus32021() throws Exception {
    HttpResponse response = call("greet", "", "{\"sampling\":{}}");
    assertThat(response.status()).isEqualTo(400);
    JsonNode error = Json.parse(response.body()).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32021);
    assertThat(error.at("/data/requiredCapabilities/elicitation").isObject()).isTrue();
  }

  @Test
  void promptsAskToo() throws Exception {
    HttpRequest first =
        dev.toolsmith.runtime.testing.Mcp.modern(
            "prompts/get", "contextual", "\"name\":\"contextual\"");
    JsonNode asked = result(server.handle(withCapabilities(first, ALL_CAPABILITIES)));
    assertThat(asked.at("/inputRequests/user_context").isObject()).isTrue();
  }

  @Test
  void handshakeEraClients_withoutAHeldStream_getAToolErrorThatSaysWhatWouldWork()
      throws Exception {
    JsonNode result =
        Json.parse(server.handle(legacy("tools/call", "\"name\":\"greet\"")).body()).path("result");
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asText())
        .contains("asks the client for input ('user_name', elicitation/create)")
        .contains("this transport answers each request in one response")
        .contains("2026-07-28")
        .contains("toolsmith-server");
  }

  // --- logging ---

  @Test
  void modern_logsOnlyAtTheRequestedLevel_andNotAtAllWithoutOne() throws Exception {
    HttpResponse quiet = call("chatty", "", "{}");
    assertThat(quiet.header("Content-Type")).isEqualTo("application/json");
    HttpResponse loud =
        server.handle(
            post(
                jsonHeaders()
                    .add("MCP-Protocol-Version", "2026-07-28")
                    .add("Mcp-Method", "tools/call")
                    .add("Mcp-Name", "chatty")
                    .build(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"chatty\","
                    + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{},"
                    + "\"io.modelcontextprotocol/logLevel\":\"info\"}}}"));
    assertThat(loud.header("Content-Type")).isEqualTo("text/event-stream");
    assertThat(loud.bodyText())
        .contains("\"level\":\"info\",\"logger\":\"asking\",\"data\":\"working\"")
        .contains("\"data\":\"oops\"")
        .doesNotContain("debugging");
  }

  @Test
  void legacy_logsInfoAndAbove_andAcceptsSetLevel() throws Exception {
    HttpResponse response = server.handle(legacy("tools/call", "\"name\":\"chatty\""));
    assertThat(response.bodyText())
        .contains("notifications/message")
        .contains("working")
        .doesNotContain("debugging");
    assertThat(server.handle(legacy("logging/setLevel", "\"level\":\"debug\"")).bodyText())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
    assertThat(
            Json.parse(server.handle(legacy("logging/setLevel", "\"level\":\"loud\"")).body())
                .at("/error/code")
                .asInt())
        .isEqualTo(-32602);
  }

  // --- progress from resources (and prompts: the same context) ---

  @Test
  void resources_reportProgress_beforeTheResult_whenAskedTo() throws Exception {
    HttpResponse response =
        server.handle(
            legacy(
                "resources/read",
                "\"uri\":\"slow://report\",\"_meta\":{\"progressToken\":\"r1\"}"));
    assertThat(response.header("Content-Type")).isEqualTo("text/event-stream");
    String body = response.bodyText();
    assertThat(body.indexOf("\"progress\":1")).isLessThan(body.indexOf("\"progress\":2"));
    assertThat(body.indexOf("\"progress\":2")).isLessThan(body.indexOf("the report"));
    assertThat(
            server
                .handle(legacy("resources/read", "\"uri\":\"slow://report\""))
                .header("Content-Type"))
        .isEqualTo("application/json");
  }

  // --- legacy subscriptions ---

  @Test
  void legacySubscribe_acceptsKnownResources_only() throws Exception {
    assertThat(
            server
                .handle(legacy("resources/subscribe", "\"uri\":\"library://catalog\""))
                .bodyText())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
    assertThat(
            server
                .handle(legacy("resources/unsubscribe", "\"uri\":\"library://books/emma/summary\""))
                .bodyText())
        .endsWith("\"result\":{}}");
    assertThat(
            Json.parse(
                    server
                        .handle(legacy("resources/subscribe", "\"uri\":\"library://nope\""))
                        .body())
                .at("/error/code")
                .asInt())
        .isEqualTo(-32002);
  }

  // --- helpers ---

  private HttpResponse call(String tool, String extraParams, String capabilities) {
    HttpRequest request =
        dev.toolsmith.runtime.testing.Mcp.modern(
            "tools/call", tool, "\"name\":\"" + tool + "\",\"arguments\":{}" + extraParams);
    return server.handle(withCapabilities(request, capabilities));
  }

  private static HttpRequest withCapabilities(HttpRequest request, String capabilities) {
    String body =
        new String(request.body(), java.nio.charset.StandardCharsets.UTF_8)
            .replace(
                "\"io.modelcontextprotocol/clientCapabilities\":{}",
                "\"io.modelcontextprotocol/clientCapabilities\":" + capabilities);
    return HttpRequest.of(
        "POST", "/mcp", request.headers(), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String retry(JsonNode previous, String responses) {
    return ",\"inputResponses\":{"
        + responses
        + "},\"requestState\":\""
        + previous.path("requestState").asText()
        + "\"";
  }
}
