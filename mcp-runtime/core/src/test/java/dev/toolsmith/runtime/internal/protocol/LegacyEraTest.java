package dev.toolsmith.runtime.internal.protocol;

import static dev.toolsmith.runtime.internal.protocol.ModernEraTest.assertError;
import static dev.toolsmith.runtime.internal.protocol.ModernEraTest.body;
import static dev.toolsmith.runtime.internal.protocol.ModernEraTest.result;
import static dev.toolsmith.runtime.testing.Mcp.initialize;
import static dev.toolsmith.runtime.testing.Mcp.jsonHeaders;
import static dev.toolsmith.runtime.testing.Mcp.legacy;
import static dev.toolsmith.runtime.testing.Mcp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The handshake era (2025-11-25 and before): initialize, notifications, ping, legacy-shaped
 * results.
 */
class LegacyEraTest {
  private final McpServer server =
      McpServer.builder()
          .name("test-server")
          .version("9.9.9")
          .instructions("Use echo to echo.")
          .tools(new EchoPack())
          .discoverTools(false)
          .build();

  @ParameterizedTest
  @ValueSource(strings = {"2025-11-25", "2025-06-18", "2025-03-26"})
  void initialize_echoesASupportedVersion(String version) throws Exception {
    JsonNode result = result(server.handle(initialize(version)));
    assertThat(result.path("protocolVersion").asText()).isEqualTo(version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-11-05", "2026-07-28", "1999-01-01"})
  void initialize_offersOurLatestForOtherVersions(String version) throws Exception {
    assertThat(result(server.handle(initialize(version))).path("protocolVersion").asText())
        .isEqualTo("2025-11-25");
  }

  @Test
  void initialize_describesTheServerWithoutASession() throws Exception {
    HttpResponse response = server.handle(initialize("2025-11-25"));
    JsonNode result = result(response);
    assertThat(result.path("capabilities").toString()).isEqualTo("{\"logging\":{},\"tools\":{}}");
    assertThat(result.path("serverInfo").toString())
        .isEqualTo("{\"name\":\"test-server\",\"version\":\"9.9.9\"}");
    assertThat(result.path("instructions").asText()).isEqualTo("Use echo to echo.");
    assertThat(result.has("resultType")).isFalse();
    assertThat(response.header("Mcp-Session-Id")).isNull();
  }

  @Test
  void notification_is202WithoutBodyOrContentType() {
    HttpResponse response =
        server.handle(
            post(
                jsonHeaders().build(),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("Content-Type")).isNull();
  }

  @Test
  void clientResponse_is202() {
    HttpResponse response =
        server.handle(post(jsonHeaders().build(), "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}"));
    assertThat(response.status()).isEqualTo(202);
  }

  @Test
  void ping_isExactlyAnEmptyObject() throws Exception {
    HttpResponse response = server.handle(legacy("ping", ""));
    assertThat(response.bodyText()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
  }

  @Test
  void toolsList_isLegacyShaped() throws Exception {
    JsonNode result = result(server.handle(legacy("tools/list", "")));
    assertThat(result.path("tools")).hasSize(5);
    assertThat(result.has("resultType")).isFalse();
    assertThat(result.has("ttlMs")).isFalse();
    assertThat(result.has("_meta")).isFalse();
  }

  @Test
  void toolsCall_unknownTool_isInvalidParamsListingTools() throws Exception {
    assertError(
        server.handle(legacy("tools/call", "\"name\":\"nope\"")),
        200,
        -32602,
        "Unknown tool 'nope'. Known tools: echo, refuse, crash, count, ask_model.");
  }

  @Test
  void toolsCall_missingName_isInvalidParams() throws Exception {
    assertError(
        server.handle(legacy("tools/call", "")), 200, -32602, "tools/call needs \"params.name\"");
  }

  @Test
  void toolsCall_argumentsNotAnObject_isInvalidParams() throws Exception {
    assertError(
        server.handle(legacy("tools/call", "\"name\":\"echo\",\"arguments\":[1]")),
        200,
        -32602,
        "\"params.arguments\" must be an object");
  }

  @Test
  void invalidArguments_areAnErrorResultTheModelCanRead() throws Exception {
    JsonNode result =
        result(server.handle(legacy("tools/call", "\"name\":\"echo\",\"arguments\":{}")));
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asText())
        .isEqualTo("Invalid arguments for tool 'echo':\ntext: expected a string");
  }

  @Test
  void toolException_isAnErrorResultWithItsMessage() throws Exception {
    JsonNode result = result(server.handle(legacy("tools/call", "\"name\":\"refuse\"")));
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asText())
        .isEqualTo("The city 'Atlantis' is not covered. Try a real city.");
  }

  @Test
  void unexpectedException_hidesDetailsBehindAnErrorId() throws Exception {
    HttpResponse response = server.handle(legacy("tools/call", "\"name\":\"crash\""));
    JsonNode result = result(response);
    assertThat(result.path("isError").asBoolean()).isTrue();
    String text = result.at("/content/0/text").asText();
    assertThat(text)
        .matches(
            "(?s)Tool 'crash' failed with an internal error \\(error id [0-9a-f-]{36}\\)\\..*");
    assertThat(response.bodyText()).doesNotContain("hunter2", "IllegalStateException", "at dev.");
  }

  @Test
  void unknownMethod_isMethodNotFoundWith200() throws Exception {
    assertError(
        server.handle(legacy("resources/list", "")),
        200,
        -32601,
        "Method 'resources/list' is not served. Served: initialize, ping, logging/setLevel, tools/list, tools/call.");
  }

  @Test
  void unsupportedVersionHeader_is400() throws Exception {
    HttpResponse response =
        server.handle(
            post(
                jsonHeaders().add("MCP-Protocol-Version", "2024-01-01").build(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"));
    assertError(response, 400, -32022, "Unsupported protocol version '2024-01-01'");
    assertThat(body(response).at("/error/data/supported").toString())
        .isEqualTo("[\"2025-11-25\",\"2025-06-18\",\"2025-03-26\"]");
  }

  @Test
  void missingVersionHeader_isServedAs20250326() throws Exception {
    HttpResponse response =
        server.handle(
            post(jsonHeaders().build(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"));
    assertThat(response.bodyText()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
  }

  @Test
  void progressToken_worksInLegacyToo() {
    HttpResponse response =
        server.handle(legacy("tools/call", "\"name\":\"count\",\"_meta\":{\"progressToken\":7}"));
    assertThat(response.header("Content-Type")).isEqualTo("text/event-stream");
    assertThat(response.bodyText()).contains("\"progressToken\":7,\"progress\":3,\"total\":3");
  }
}
