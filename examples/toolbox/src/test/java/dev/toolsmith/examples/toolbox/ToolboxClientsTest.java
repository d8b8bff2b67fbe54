package dev.toolsmith.examples.toolbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The toolbox on the local HTTP adapter with DynamoDB Local sessions and S3Mock buckets, driven by
 * the official MCP Java SDK client and by plain HTTP for what the SDK hides.
 */
class ToolboxClientsTest {
  private static Backends backends;

  @BeforeAll
  static void start() throws Exception {
    backends = Backends.get();
  }

  @Test
  void javaSdkClient_listsTheThreeToolsAndCallsThem() {
    try (McpSyncClient client = client(Backends.TOKEN)) {
      client.initialize();
      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactly("get_time", "count_s3_buckets", "increment_counter");
      Instant time =
          Instant.parse(text(client.callTool(new McpSchema.CallToolRequest("get_time", Map.of()))));
      assertThat(Duration.between(time, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
      assertThat(text(client.callTool(new McpSchema.CallToolRequest("count_s3_buckets", Map.of()))))
          .isEqualTo(Integer.toString(Backends.BUCKETS));
    }
  }

  @Test
  void javaSdkClient_countsOneTwoThree_andEachConversationHasItsOwnCounter() {
    try (McpSyncClient first = client(Backends.TOKEN);
        McpSyncClient second = client(Backends.TOKEN)) {
      first.initialize();
      second.initialize();
      assertThat(increment(first)).isEqualTo("1");
      assertThat(increment(first)).isEqualTo("2");
      assertThat(increment(second)).isEqualTo("1");
      assertThat(increment(first)).isEqualTo("3");
      assertThat(increment(second)).isEqualTo("2");
    }
  }

  @Test
  void javaSdkClient_endsItsSessionWithDeleteWhenClosed() throws InterruptedException {
    // Sessions, not a count: another test's client may still be ending its own session meanwhile.
    Set<String> before = sessionIds();
    McpSyncClient client = client(Backends.TOKEN);
    client.initialize();
    increment(client);
    Set<String> created = new HashSet<>(sessionIds());
    created.removeAll(before);
    assertThat(created).as("the sessions this client started").hasSize(1);
    client.closeGracefully();
    Instant deadline = Instant.now().plusSeconds(5);
    while (!Collections.disjoint(sessionIds(), created) && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(sessionIds()).doesNotContainAnyElementsOf(created);
  }

  @Test
  void delete_endsTheSession_andItAnswers404Afterwards() throws Exception {
    String id = RawHttp.initialize(backends.url());
    assertThat(RawHttp.increment(backends.url(), id)).isEqualTo(1);
    assertThat(RawHttp.delete(backends.url(), "Bearer " + Backends.TOKEN, id).statusCode())
        .isEqualTo(204);
    assertThat(item(id)).isEmpty();
    HttpResponse<String> after =
        RawHttp.post(backends.url(), "Bearer " + Backends.TOKEN, id, RawHttp.INCREMENT);
    assertThat(after.statusCode()).isEqualTo(404);
    assertThat(after.body()).contains("Session not found");
  }

  @Test
  void expiredSession_answers404_beforeDynamoDbDeletesIt() throws Exception {
    String id = RawHttp.initialize(backends.url());
    backends
        .dynamo
        .client()
        .updateItem(
            update ->
                update
                    .tableName(Backends.TABLE)
                    .key(Map.of("session_id", AttributeValue.fromS(id)))
                    .updateExpression("SET expires_at = :past")
                    .expressionAttributeValues(
                        Map.of(
                            ":past",
                            AttributeValue.fromN(
                                Long.toString(Instant.now().getEpochSecond() - 1)))));
    assertThat(item(id)).isNotEmpty();
    assertThat(
            RawHttp.post(backends.url(), "Bearer " + Backends.TOKEN, id, RawHttp.INCREMENT)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void sessionItem_hasTheSeedsShape_andTheCounterInItsData() throws Exception {
    String id = RawHttp.initialize(backends.url());
    RawHttp.increment(backends.url(), id);
    RawHttp.increment(backends.url(), id);
    Map<String, AttributeValue> item = item(id);
    assertThat(item.get("data").m().get("counter").n()).isEqualTo("2");
    long expiresAt = Long.parseLong(item.get("expires_at").n());
    assertThat(expiresAt - Instant.now().getEpochSecond()).isBetween(23 * 3600L, 24 * 3600L + 5);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "Bearer wrong-token",
        "Basic dG9vbGJveDp0ZXN0",
        "Bearer",
        "toolbox-test-token-0123456789abcdef"
      })
  void missingMalformedAndWrongTokens_answer401(String authorization) throws Exception {
    HttpResponse<String> response =
        RawHttp.post(backends.url(), authorization, null, RawHttp.INITIALIZE);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    JsonNode error = Json.parse(response.body()).path("error");
    assertThat(error.path("message").asText()).isNotBlank().doesNotContain(Backends.TOKEN);
  }

  @Test
  void javaSdkClient_withAWrongToken_isRefused() {
    try (McpSyncClient client = client("not-the-token")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(client::initialize)
          .hasStackTraceContaining("Authorization error");
    }
  }

  @Test
  void fiftyConcurrentIncrements_onOneSession_endAtFifty() throws Exception {
    String id = RawHttp.initialize(backends.url());
    int calls = 50;
    ExecutorService clients = Executors.newFixedThreadPool(calls);
    try {
      List<Callable<Integer>> increments = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        increments.add(() -> RawHttp.increment(backends.url(), id));
      }
      List<Integer> answers = new ArrayList<>();
      for (Future<Integer> answer : clients.invokeAll(increments)) {
        answers.add(answer.get());
      }
      assertThat(answers)
          .hasSize(calls)
          .doesNotHaveDuplicates()
          .allMatch(n -> n >= 1 && n <= calls);
      assertThat(item(id).get("data").m().get("counter").n()).isEqualTo(Integer.toString(calls));
    } finally {
      clients.shutdownNow();
    }
  }

  private static synchronized Set<String> sessionIds() {
    Set<String> ids = new HashSet<>();
    for (Map<String, AttributeValue> item :
        backends
            .dynamo
            .client()
            .scan(scan -> scan.tableName(Backends.TABLE).consistentRead(true))
            .items()) {
      ids.add(item.get("session_id").s());
    }
    return ids;
  }

  private static Map<String, AttributeValue> item(String id) {
    return backends
        .dynamo
        .client()
        .getItem(
            get ->
                get.tableName(Backends.TABLE)
                    .key(Map.of("session_id", AttributeValue.fromS(id)))
                    .consistentRead(true))
        .item();
  }

  private static McpSyncClient client(String token) {
    var transport =
        HttpClientStreamableHttpTransport.builder(backends.url().replace("/mcp", ""))
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

  private static String increment(McpSyncClient client) {
    return text(client.callTool(new McpSchema.CallToolRequest("increment_counter", Map.of())));
  }

  private static String text(McpSchema.CallToolResult result) {
    assertThat(result.isError()).as(result.toString()).isNotEqualTo(Boolean.TRUE);
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }
}
