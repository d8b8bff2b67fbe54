package dev.toolsmith.examples.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authenticated board through the official MCP Java SDK client and raw HTTP, with tokens
 * mock-oauth2-server issued over HTTP and messages in a real PostgreSQL.
 */
class BoardClientsTest {
  private static final String BOTH = BoardTools.READ + " " + BoardTools.WRITE;
  private static BoardBackends backends;

  @BeforeAll
  static void start() throws Exception {
    backends = BoardBackends.get();
  }

  @Test
  void twoPeoplePostAndRead_andEachMessageCarriesItsVerifiedAuthor() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    try (McpSyncClient alice = client(backends.token("alice", BOTH));
        McpSyncClient bob = client(backends.token("bob", BOTH))) {
      alice.initialize();
      bob.initialize();
      assertThat(alice.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactly("post_message", "get_messages");

      assertThat(text(alice.callTool(post("hello from alice " + marker))))
          .startsWith("Posted message ")
          .endsWith(" as alice.");
      assertThat(text(bob.callTool(post("hi alice, bob here " + marker)))).endsWith(" as bob.");

      List<String> seenByAlice = board(alice, marker);
      assertThat(seenByAlice)
          .containsExactly(
              "bob: hi alice, bob here " + marker, "alice: hello from alice " + marker);
      assertThat(board(bob, marker)).isEqualTo(seenByAlice);
    }
  }

  @Test
  void theAuthorCannotBePassedAsAnArgument() throws Exception {
    HttpResponse<String> response =
        backends.post(
            "Bearer " + backends.token("mallory", BOTH),
            BoardBackends.toolCall(
                "post_message", "{\"text\":\"I am alice\",\"author\":\"alice\"}"));

    JsonNode result = Json.parse(response.body().getBytes()).path("result");
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asText()).contains("author");
  }

  @Test
  void aToolWithoutItsScopeIsRefusedWith403_andTheOtherStillWorks() throws Exception {
    String readOnly = "Bearer " + backends.token("carol", BoardTools.READ);

    HttpResponse<String> post =
        backends.post(readOnly, BoardBackends.toolCall("post_message", "{\"text\":\"sneaky\"}"));
    HttpResponse<String> read =
        backends.post(readOnly, BoardBackends.toolCall("get_messages", "{}"));

    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(post.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer error=\"insufficient_scope\", scope=\"messages:write\"")
        .contains(
            "resource_metadata=\"http://127.0.0.1:"
                + backends.http.port()
                + "/.well-known/oauth-protected-resource/mcp\"");
    assertThat(Json.parse(post.body().getBytes()).at("/error/message").asText())
        .contains("messages:write");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(board(backends.post(readOnly, BoardBackends.toolCall("get_messages", "{}"))))
        .noneMatch(m -> m.contains("sneaky"));
  }

  @Test
  void theSdkClientIsRefusedWithoutAValidToken() throws Exception {
    String expired =
        backends.token("dave", List.of(backends.serverUrl), Map.of("scope", BOTH), -120);
    String elsewhere =
        backends.token(
            "dave", List.of("https://other.example.com/mcp"), Map.of("scope", BOTH), 600);
    for (String token : List.of(expired, elsewhere, "not-a-jwt")) {
      try (McpSyncClient client = client(token)) {
        assertThatThrownBy(client::initialize).hasStackTraceContaining("Authorization error");
      }
      HttpResponse<String> raw =
          backends.post("Bearer " + token, BoardBackends.toolCall("get_messages", "{}"));
      assertThat(raw.statusCode()).isEqualTo(401);
      assertThat(raw.headers().firstValue("WWW-Authenticate").orElseThrow())
          .contains("error=\"invalid_token\"");
      assertThat(raw.body())
          .doesNotContain(token)
          .doesNotContain(backends.issuer())
          .doesNotContain("Exception");
    }
  }

  @Test
  void unauthenticatedCallersLearnWhereToGetAToken() throws Exception {
    HttpResponse<String> response =
        backends.post(null, BoardBackends.toolCall("get_messages", "{}"));

    assertThat(response.statusCode()).isEqualTo(401);
    String metadataUrl =
        "http://127.0.0.1:" + backends.http.port() + "/.well-known/oauth-protected-resource/mcp";
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .isEqualTo(
            "Bearer resource_metadata=\""
                + metadataUrl
                + "\", scope=\"messages:read messages:write\"");
    JsonNode metadata =
        Json.parse(
            java.net.http.HttpClient.newHttpClient()
                .send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(metadataUrl)).build(),
                    HttpResponse.BodyHandlers.ofByteArray())
                .body());
    assertThat(metadata.path("resource").asText()).isEqualTo(backends.serverUrl);
    assertThat(metadata.path("authorization_servers").get(0).asText()).isEqualTo(backends.issuer());
  }

  @Test
  void textThatLooksLikeSqlIsStoredAsText() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String nasty = "'); DROP TABLE messages; -- " + marker;
    try (McpSyncClient eve = client(backends.token("eve", BOTH))) {
      eve.initialize();
      text(eve.callTool(post(nasty)));
      assertThat(board(eve, marker)).containsExactly("eve: " + nasty);
    }
  }

  private static McpSchema.CallToolRequest post(String text) {
    return new McpSchema.CallToolRequest("post_message", Map.of("text", text));
  }

  /** Returns "author: text" of the messages containing marker, newest first. */
  private static List<String> board(McpSyncClient client, String marker) {
    McpSchema.CallToolResult result =
        client.callTool(new McpSchema.CallToolRequest("get_messages", Map.of()));
    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    List<String> lines = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> messages =
        (List<Map<String, Object>>)
            ((Map<String, Object>) result.structuredContent()).get("result");
    for (Map<String, Object> message : messages) {
      if (String.valueOf(message.get("text")).contains(marker)) {
        lines.add(message.get("author") + ": " + message.get("text"));
      }
    }
    return lines;
  }

  private static List<String> board(HttpResponse<String> response) throws Exception {
    List<String> texts = new ArrayList<>();
    Json.parse(response.body().getBytes())
        .at("/result/structuredContent/result")
        .forEach(m -> texts.add(m.path("text").asText()));
    return texts;
  }

  private static McpSyncClient client(String token) {
    var transport =
        HttpClientStreamableHttpTransport.builder(backends.serverUrl.replace("/mcp", ""))
            .endpoint("/mcp")
            .httpRequestCustomizer(
                (request, method, uri, body, context) ->
                    request.header("Authorization", "Bearer " + token))
            .build();
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(20))
        .clientInfo(new McpSchema.Implementation("toolsmith-test", "1.0"))
        .build();
  }

  private static String text(McpSchema.CallToolResult result) {
    assertThat(result.isError()).as(result.toString()).isNotEqualTo(Boolean.TRUE);
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }
}
