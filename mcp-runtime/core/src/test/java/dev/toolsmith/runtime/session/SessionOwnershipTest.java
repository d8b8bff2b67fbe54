package dev.toolsmith.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.CounterPack;
import dev.toolsmith.runtime.testing.Mcp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Sessions belong to the identity that started them: behind two bearer-token holders, Bob holding
 * Alice's {@code Mcp-Session-Id} or {@code session_handle} finds nothing, cannot end it, and her
 * counter goes on where she left it. And the in-memory store's bounds, as a client meets them.
 */
class SessionOwnershipTest {
  private static final String ALICE = "alice-token-0123456789";
  private static final String BOB = "bob-token-0123456789";

  private final SessionStore store = SessionStore.inMemory();
  private final McpServer server =
      McpServer.builder()
          .name("counter")
          .tools(new CounterPack())
          .discoverTools(false)
          .sessions(store)
          .auth(
              BearerTokenAuthenticator.builder().holder("alice", ALICE).holder("bob", BOB).build())
          .build();

  @Test
  void anotherIdentity_holdingTheSessionId_getsTheUnknownSessionAnswer_andChangesNothing()
      throws Exception {
    String id = initialize(ALICE);
    assertThat(count(ALICE, id, null)).isEqualTo("1");
    assertThat(count(ALICE, id, null)).isEqualTo("2");
    assertThat(count(ALICE, id, null)).isEqualTo("3");

    HttpResponse unknown = server.handle(call(BOB, "x".repeat(43), "{}"));
    HttpResponse stolen = server.handle(call(BOB, id, "{}"));
    assertThat(stolen.status()).isEqualTo(404).isEqualTo(unknown.status());
    assertThat(body(stolen).path("error")).isEqualTo(body(unknown).path("error"));

    HttpResponse deleted = server.handle(delete(BOB, id));
    assertThat(deleted.status()).isEqualTo(404);
    assertThat(count(ALICE, id, null)).isEqualTo("4");
    assertThat(server.handle(delete(ALICE, id)).status()).isEqualTo(204);
  }

  @Test
  void anotherIdentity_passingTheHandle_isToldItNamesNoSessionOfTheirs() throws Exception {
    String id = initialize(ALICE);
    count(ALICE, id, null);
    String bobs = initialize(BOB);
    JsonNode refused =
        result(server.handle(call(BOB, bobs, "{\"session_handle\":\"" + id + "\"}")));
    assertThat(refused.path("isError").asBoolean()).isTrue();
    assertThat(refused.path("content").get(0).path("text").asText())
        .contains("names no live session of yours");
    assertThat(count(ALICE, id, null)).isEqualTo("2");
  }

  @Test
  void handlesWithoutProtocolSessions_areBoundToo() throws Exception {
    JsonNode first = result(server.handle(modern(ALICE, "{}")));
    String handle = first.path("_meta").path("dev.toolsmith/sessionHandle").asText();
    // No protocol session here, so the model is told its handle.
    assertThat(first.path("content").get(1).path("text").asText()).startsWith("session_handle: ");
    JsonNode bobs = result(server.handle(modern(BOB, "{\"session_handle\":\"" + handle + "\"}")));
    assertThat(bobs.path("isError").asBoolean()).isTrue();
    JsonNode alices =
        result(server.handle(modern(ALICE, "{\"session_handle\":\"" + handle + "\"}")));
    assertThat(alices.path("content").get(0).path("text").asText()).isEqualTo("2");
  }

  @Test
  void beyondACallersShare_initializeIs429WithRetryAfter_andOthersAreStillServed()
      throws Exception {
    McpServer bounded =
        McpServer.builder()
            .name("counter")
            .tools(new CounterPack())
            .discoverTools(false)
            .maxSessions(20)
            .auth(
                BearerTokenAuthenticator.builder()
                    .holder("alice", ALICE)
                    .holder("bob", BOB)
                    .build())
            .build();
    assertThat(bounded.handle(initializeRequest(ALICE)).status()).isEqualTo(200);
    assertThat(bounded.handle(initializeRequest(ALICE)).status()).isEqualTo(200);
    HttpResponse refused = bounded.handle(initializeRequest(ALICE));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    assertThat(refused.header("Content-Type")).isEqualTo("application/json");
    assertThat(body(refused).path("error").path("message").asText())
        .contains("You already hold 2 live sessions");
    assertThat(bounded.handle(initializeRequest(BOB)).status()).isEqualTo(200);
  }

  @Test
  void aFloodOfInitializeCalls_leavesTheStoreBounded_andSaysWhy() throws Exception {
    McpServer open =
        McpServer.builder()
            .name("counter")
            .tools(new CounterPack())
            .discoverTools(false)
            .maxSessions(1_000)
            .build();
    int served = 0;
    HttpResponse last = null;
    for (int i = 0; i < 5_000; i++) {
      last = open.handle(Mcp.initialize("2025-11-25"));
      if (last.status() == 200) {
        served++;
      }
    }
    // Every unauthenticated caller is one owner, with a tenth of the store.
    assertThat(served).isEqualTo(100);
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("Retry-After")).isNotNull();
    assertThat(open.sessions().orElseThrow().store().toString()).contains("at most 1000 sessions");
  }

  @Test
  void anAuthenticatingServer_marksWhatItAnswersAsPrivateToTheCaller() throws Exception {
    JsonNode list =
        result(
            server.handle(
                Mcp.withHeader(
                    Mcp.modern("tools/list", null, ""), "Authorization", "Bearer " + BOB)));
    assertThat(list.path("cacheScope").asText()).isEqualTo("private");
  }

  // --- helpers ---

  private String initialize(String token) throws Exception {
    HttpResponse response = server.handle(initializeRequest(token));
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    return response.header("Mcp-Session-Id");
  }

  private String count(String token, String id, String handle) throws Exception {
    String arguments = handle == null ? "{}" : "{\"session_handle\":\"" + handle + "\"}";
    return result(server.handle(call(token, id, arguments)))
        .path("content")
        .get(0)
        .path("text")
        .asText();
  }

  private static HttpRequest initializeRequest(String token) {
    return Mcp.withHeader(Mcp.initialize("2025-11-25"), "Authorization", "Bearer " + token);
  }

  private static Headers headers(String token, String sessionId) {
    Headers.Builder headers =
        Mcp.jsonHeaders()
            .add("MCP-Protocol-Version", "2025-11-25")
            .add("Authorization", "Bearer " + token);
    if (sessionId != null) {
      headers.add("Mcp-Session-Id", sessionId);
    }
    return headers.build();
  }

  private static HttpRequest call(String token, String sessionId, String arguments) {
    return Mcp.post(
        headers(token, sessionId),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"increment_counter\",\"arguments\":"
            + arguments
            + "}}");
  }

  private static HttpRequest modern(String token, String arguments) {
    return Mcp.withHeader(
        Mcp.modern(
            "tools/call",
            "increment_counter",
            "\"name\":\"increment_counter\",\"arguments\":" + arguments),
        "Authorization",
        "Bearer " + token);
  }

  private static HttpRequest delete(String token, String id) {
    return HttpRequest.of("DELETE", "/mcp", headers(token, id), new byte[0]);
  }

  private static JsonNode body(HttpResponse response) throws Exception {
    return Json.parse(
        response.body() == null ? "null".getBytes(StandardCharsets.UTF_8) : response.body());
  }

  private static JsonNode result(HttpResponse response) throws Exception {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    return body(response).path("result");
  }
}
