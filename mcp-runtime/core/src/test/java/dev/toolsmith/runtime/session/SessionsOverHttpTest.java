package dev.toolsmith.runtime.session;

import static dev.toolsmith.runtime.testing.Mcp.jsonHeaders;
import static dev.toolsmith.runtime.testing.Mcp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.CounterPack;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.runtime.testing.Mcp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Sessions as both eras see them over HTTP: {@code Mcp-Session-Id} for handshake-era clients,
 * explicit {@code session_handle}s for 2026-07-28 clients.
 */
class SessionsOverHttpTest {
  private final SessionStore store = SessionStore.inMemory();
  private final McpServer server =
      McpServer.builder()
          .name("counter")
          .tools(new CounterPack(), new EchoPack())
          .discoverTools(false)
          .sessions(store)
          .build();

  // --- handshake era ---

  @Test
  void initialize_startsASessionWithAnUnguessableId() throws Exception {
    String first = initialize();
    String second = initialize();
    assertThat(first).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second);
    assertThat(store.load(first, Instant.now())).isPresent();
  }

  @Test
  void counter_countsPerSession() throws Exception {
    String a = initialize();
    String b = initialize();
    assertThat(incrementLegacy(a)).isEqualTo("1");
    assertThat(incrementLegacy(a)).isEqualTo("2");
    assertThat(incrementLegacy(b)).isEqualTo("1");
    assertThat(incrementLegacy(a)).isEqualTo("3");
  }

  @Test
  void legacyResult_handsBackTheSessionIdOnlyInMeta_asTheClientCarriesTheSession()
      throws Exception {
    String id = initialize();
    JsonNode result = toolResult(server.handle(legacyCall(id, "increment_counter", "{}")));
    // The client keeps the session itself: the model's transcript need not hold its id.
    assertThat(result.path("content")).hasSize(1);
    assertThat(result.toString()).doesNotContain("session_handle: ");
    assertThat(handleOf(result)).isEqualTo(id);
    String other = initialize();
    JsonNode continued =
        toolResult(
            server.handle(
                legacyCall(other, "increment_counter", "{\"session_handle\":\"" + id + "\"}")));
    assertThat(continued.path("content").get(0).path("text").asText()).isEqualTo("2");
  }

  @Test
  void requestWithoutSessionId_is400() throws Exception {
    HttpResponse response = server.handle(post(legacyHeaders(null), toolsList()));
    assertThat(response.status()).isEqualTo(400);
    assertThat(body(response).path("error").path("message").asText())
        .contains("Missing Mcp-Session-Id header");
  }

  @Test
  void unknownSessionId_is404() throws Exception {
    HttpResponse response = server.handle(post(legacyHeaders("x".repeat(43)), toolsList()));
    assertThat(response.status()).isEqualTo(404);
    assertThat(body(response).path("error").path("code").asInt()).isEqualTo(-32001);
    assertThat(body(response).path("error").path("message").asText()).contains("initialize again");
  }

  @Test
  void malformedSessionId_is404_withoutTouchingTheStore() throws Exception {
    assertThat(server.handle(post(legacyHeaders("not a session"), toolsList())).status())
        .isEqualTo(404);
  }

  @Test
  void expiredSession_is404_evenBeforeItIsDeleted() throws Exception {
    String expired = "e".repeat(43);
    store.create(expired, "anonymous", Instant.now().minusSeconds(1));
    assertThat(server.handle(post(legacyHeaders(expired), toolsList())).status()).isEqualTo(404);
  }

  @Test
  void delete_endsTheSession_thenItIs404() throws Exception {
    String id = initialize();
    incrementLegacy(id);
    HttpResponse deleted =
        server.handle(HttpRequest.of("DELETE", "/mcp", legacyHeaders(id), new byte[0]));
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(store.load(id, Instant.now())).isEmpty();
    assertThat(server.handle(legacyCall(id, "increment_counter", "{}")).status()).isEqualTo(404);
    assertThat(
            server
                .handle(HttpRequest.of("DELETE", "/mcp", legacyHeaders(id), new byte[0]))
                .status())
        .isEqualTo(404);
  }

  @Test
  void deleteWithoutSessionId_is400() throws Exception {
    HttpResponse response =
        server.handle(HttpRequest.of("DELETE", "/mcp", Mcp.jsonHeaders().build(), new byte[0]));
    assertThat(response.status()).isEqualTo(400);
    assertThat(body(response).path("error").path("message").asText()).contains("Mcp-Session-Id");
  }

  @Test
  void serverWithoutSessions_givesNoIdAndRefusesDelete() throws Exception {
    McpServer stateless =
        McpServer.builder().name("s").tools(new EchoPack()).discoverTools(false).build();
    assertThat(stateless.sessions()).isEmpty();
    assertThat(stateless.handle(initializeRequest()).header("Mcp-Session-Id")).isNull();
    HttpResponse delete =
        stateless.handle(
            HttpRequest.of("DELETE", "/mcp", legacyHeaders("x".repeat(43)), new byte[0]));
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.header("Allow")).isEqualTo("POST");
  }

  @Test
  void sessionTools_turnSessionsOnByThemselves() {
    McpServer server =
        McpServer.builder().name("s").tools(new CounterPack()).discoverTools(false).build();
    assertThat(server.sessions()).isPresent();
    assertThat(server.httpOptions()).isNotNull();
  }

  // --- modern era: explicit handles ---

  @Test
  void modern_firstCallStartsASession_andHandsBackItsHandle() throws Exception {
    JsonNode result = toolResult(server.handle(modernCall("increment_counter", "{}")));
    String handle = result.path("_meta").path("dev.toolsmith/sessionHandle").asText();
    assertThat(handle).matches("[A-Za-z0-9_-]{43}");
    assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("1");
    assertThat(result.path("content").get(1).path("text").asText())
        .startsWith("session_handle: " + handle);
    assertThat(result.path("_meta").has("io.modelcontextprotocol/serverInfo")).isTrue();
  }

  @Test
  void modern_handleCarriesTheCounter() throws Exception {
    String handle = handleOf(toolResult(server.handle(modernCall("increment_counter", "{}"))));
    assertThat(modernCount(handle)).isEqualTo("2");
    assertThat(modernCount(handle)).isEqualTo("3");
    String other = handleOf(toolResult(server.handle(modernCall("increment_counter", "{}"))));
    assertThat(other).isNotEqualTo(handle);
    assertThat(modernCount(handle)).isEqualTo("4");
  }

  @Test
  void modern_unknownHandle_isAToolErrorTheModelCanRecoverFrom() throws Exception {
    JsonNode result =
        toolResult(
            server.handle(
                modernCall(
                    "increment_counter", "{\"session_handle\":\"" + "z".repeat(43) + "\"}")));
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.path("content").get(0).path("text").asText())
        .contains("names no live session")
        .contains("again without session_handle");
  }

  @Test
  void modern_handleOfTheWrongType_isInvalidArguments() throws Exception {
    JsonNode result =
        toolResult(server.handle(modernCall("increment_counter", "{\"session_handle\":42}")));
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.path("content").get(0).path("text").asText())
        .contains("session_handle: expected a string");
  }

  @Test
  void handles_andSessionIds_nameTheSameSessions() throws Exception {
    String id = initialize();
    incrementLegacy(id);
    assertThat(modernCount(id)).isEqualTo("2");
  }

  @Test
  void toolsWithoutSessions_handBackNothing() throws Exception {
    JsonNode result = toolResult(server.handle(modernCall("echo", "{\"text\":\"hi\"}")));
    assertThat(result.path("content")).hasSize(1);
    assertThat(result.path("_meta").has("dev.toolsmith/sessionHandle")).isFalse();
  }

  @Test
  void unconfiguredStore_onlyTheSessionToolsRefuse_withTheFix() throws Exception {
    McpServer onLambda =
        McpServer.builder()
            .name("s")
            .tools(new CounterPack(), new EchoPack())
            .discoverTools(false)
            .sessions(
                EnvironmentSessionStores.choose(java.util.Map.of("AWS_LAMBDA_FUNCTION_NAME", "fn")))
            .build();
    // The handshake works, statelessly: one session tool does not take the pack's others down.
    HttpResponse initialize = onLambda.handle(initializeRequest());
    assertThat(initialize.status()).as(initialize.bodyText()).isEqualTo(200);
    assertThat(initialize.header("Mcp-Session-Id")).isNull();
    JsonNode echoed =
        toolResult(onLambda.handle(legacyCall(null, "echo", "{\"text\":\"still here\"}")));
    assertThat(echoed.path("isError").asBoolean()).isFalse();
    assertThat(echoed.path("content").get(0).path("text").asText()).isEqualTo("still here");
    for (HttpRequest call :
        java.util.List.of(
            legacyCall(null, "increment_counter", "{}"), modernCall("increment_counter", "{}"))) {
      JsonNode result = toolResult(onLambda.handle(call));
      assertThat(result.path("isError").asBoolean()).isTrue();
      assertThat(result.path("content").get(0).path("text").asText())
          .contains("Tool 'increment_counter' keeps state between calls")
          .contains("MCP_SESSION_TABLE is not set");
    }
  }

  // --- helpers ---

  private String initialize() throws Exception {
    HttpResponse response = server.handle(initializeRequest());
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    String id = response.header("Mcp-Session-Id");
    assertThat(id).isNotNull();
    return id;
  }

  private String incrementLegacy(String id) throws Exception {
    return toolResult(server.handle(legacyCall(id, "increment_counter", "{}")))
        .path("content")
        .get(0)
        .path("text")
        .asText();
  }

  private String modernCount(String handle) throws Exception {
    JsonNode result =
        toolResult(
            server.handle(
                modernCall("increment_counter", "{\"session_handle\":\"" + handle + "\"}")));
    assertThat(handleOf(result)).isEqualTo(handle);
    return result.path("content").get(0).path("text").asText();
  }

  private static String handleOf(JsonNode result) {
    return result.path("_meta").path("dev.toolsmith/sessionHandle").asText();
  }

  static HttpRequest initializeRequest() {
    return Mcp.initialize("2025-11-25");
  }

  private static Headers legacyHeaders(String sessionId) {
    Headers.Builder headers = jsonHeaders().add("MCP-Protocol-Version", "2025-11-25");
    if (sessionId != null) {
      headers.add("Mcp-Session-Id", sessionId);
    }
    return headers.build();
  }

  private static HttpRequest legacyCall(String id, String tool, String arguments) {
    return post(
        legacyHeaders(id),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
            + tool
            + "\",\"arguments\":"
            + arguments
            + "}}");
  }

  private static HttpRequest modernCall(String tool, String arguments) {
    return Mcp.modern("tools/call", tool, "\"name\":\"" + tool + "\",\"arguments\":" + arguments);
  }

  private static String toolsList() {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
  }

  private static JsonNode body(HttpResponse response) throws Exception {
    return Json.parse(
        response.body() == null ? "null".getBytes(StandardCharsets.UTF_8) : response.body());
  }

  private static JsonNode toolResult(HttpResponse response) throws Exception {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    JsonNode result = body(response).path("result");
    assertThat(result.isObject()).as(response.bodyText()).isTrue();
    return result;
  }
}
