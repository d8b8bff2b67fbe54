package dev.toolsmith.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.session.SessionSnapshot;
import dev.toolsmith.runtime.session.SessionStore;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import dev.toolsmith.runtime.testing.CounterPack;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.runtime.testing.Mcp;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every request gets an answer: a failure nobody expected, injected at each layer below the
 * adapter, becomes a JSON-RPC internal error naming an error id (HTTP 500), never a dropped
 * connection, an HTML page or a stack trace.
 */
class FailClosedTest {
  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";

  @Test
  void anAuthenticatorThatThrows_isA500WithAnErrorId_overARealServer() throws Exception {
    // What a validly signed token with "sub": "" did to the OIDC authenticator before.
    Authenticator broken = headers -> AuthDecision.allow(Identity.of("", java.util.Set.of(), null));
    McpServer server =
        McpServer.builder()
            .name("s")
            .tools(new EchoPack())
            .discoverTools(false)
            .auth(broken)
            .build();
    try (LocalMcpServer http = LocalMcpServer.builder(server).port(0).start()) {
      java.net.http.HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(http.url())
                      .header("Content-Type", "application/json")
                      .header("Accept", "application/json, text/event-stream")
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofString(PING))
                      .build(),
                  BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertInternalError(Json.parse(response.body()));
    }
  }

  @Test
  void aSessionStoreThatThrows_isA500WithAnErrorId() throws Exception {
    McpServer server =
        McpServer.builder()
            .name("s")
            .tools(new CounterPack())
            .discoverTools(false)
            .sessions(new BrokenStore())
            .build();
    HttpResponse response = server.handle(Mcp.initialize("2025-11-25"));
    assertThat(response.status()).isEqualTo(500);
    assertInternalError(Json.parse(response.body()));
    // Without HTTP (stdio, a direct invoke) the same failure is the same JSON-RPC error.
    byte[] direct =
        server.handleMessage(
            ("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"increment_counter\",\"arguments\":{}}}")
                .getBytes(StandardCharsets.UTF_8),
            null,
            null);
    JsonNode answer = Json.parse(direct);
    assertThat(answer.path("id").asInt()).isEqualTo(3);
    assertThat(answer.toString()).doesNotContain("IllegalStateException").doesNotContain("at dev.");
  }

  @Test
  void aStoreFailureThatShouldPass_is503WithRetryAfter_forInitialize() throws Exception {
    McpServer server =
        McpServer.builder()
            .name("s")
            .tools(new CounterPack())
            .discoverTools(false)
            .sessions(
                new BrokenStore() {
                  @Override
                  public void create(String id, String owner, Instant expiresAt) {
                    throw new dev.toolsmith.runtime.session.SessionStoreException(
                        "DynamoDB is throttling the session table 'mcp_sessions'; try again in a few"
                            + " seconds.",
                        null,
                        java.time.Duration.ofSeconds(2));
                  }
                })
            .build();
    HttpResponse response = server.handle(Mcp.initialize("2025-11-25"));
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isEqualTo("2");
    assertThat(Json.parse(response.body()).at("/error/message").asText())
        .contains("throttling the session table");
  }

  @Test
  void aToolThatOverflowsItsStack_isAToolErrorWithAnErrorId() throws Exception {
    ToolPack deep =
        new ToolPack() {
          @Override
          public List<ToolDescriptor> tools() {
            return List.of(
                ToolDescriptor.of(
                    "deep", "{\"name\":\"deep\",\"inputSchema\":{\"type\":\"object\"}}"));
          }

          @Override
          public ToolResult call(String tool, ToolCall call) {
            throw new StackOverflowError();
          }
        };
    McpServer server = McpServer.builder().name("s").tools(deep).discoverTools(false).build();
    HttpResponse response =
        server.handle(Mcp.legacy("tools/call", "\"name\":\"deep\",\"arguments\":{}"));
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    JsonNode result = Json.parse(response.body()).path("result");
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.path("content").get(0).path("text").asText()).contains("error id");
    assertThat(result.toString()).doesNotContain("StackOverflowError");
  }

  private static void assertInternalError(JsonNode body) {
    assertThat(body.path("error").path("code").asInt()).isEqualTo(-32603);
    assertThat(body.path("error").path("message").asText())
        .containsPattern("error id [0-9a-f-]{36}")
        .doesNotContain("Exception")
        .doesNotContain("dev.toolsmith");
  }

  /** A store whose database breaks in a way no one planned for. */
  private static class BrokenStore implements SessionStore {
    @Override
    public void create(String id, String owner, Instant expiresAt) {
      throw new IllegalStateException("connection pool exhausted");
    }

    @Override
    public Optional<SessionSnapshot> load(String id, Instant now) {
      throw new IllegalStateException("connection pool exhausted");
    }

    @Override
    public WriteOutcome replace(
        String id, long expectedVersion, ObjectNode data, Instant expiresAt, Instant now) {
      throw new IllegalStateException("connection pool exhausted");
    }

    @Override
    public boolean delete(String id, String owner, Instant now) {
      throw new IllegalStateException("connection pool exhausted");
    }
  }
}
