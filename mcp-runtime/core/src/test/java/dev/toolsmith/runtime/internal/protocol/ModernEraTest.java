package dev.toolsmith.runtime.internal.protocol;

import static dev.toolsmith.runtime.testing.Mcp.MODERN_META;
import static dev.toolsmith.runtime.testing.Mcp.jsonHeaders;
import static dev.toolsmith.runtime.testing.Mcp.modern;
import static dev.toolsmith.runtime.testing.Mcp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.NotificationSink;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The 2026-07-28 wire: _meta, header validation, result shapes and error statuses. */
class ModernEraTest {
  private final McpServer server =
      McpServer.builder()
          .name("test-server")
          .version("9.9.9")
          .instructions("Use echo to echo.")
          .tools(new EchoPack())
          .discoverTools(false)
          .build();

  @Test
  void discover_listsVersionsCapabilitiesAndCaching() throws Exception {
    JsonNode result = result(server.handle(modern("server/discover", null, "")));
    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.path("supportedVersions").toString()).isEqualTo("[\"2026-07-28\"]");
    assertThat(result.path("capabilities").toString()).isEqualTo("{\"tools\":{}}");
    assertThat(result.path("instructions").asText()).isEqualTo("Use echo to echo.");
    assertThat(result.path("ttlMs").isIntegralNumber()).isTrue();
    assertThat(result.path("cacheScope").asText()).isEqualTo("public");
    assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo").toString())
        .isEqualTo("{\"name\":\"test-server\",\"version\":\"9.9.9\"}");
  }

  @Test
  void toolsList_hasResultTypeCachingAndServerInfo() throws Exception {
    JsonNode result = result(server.handle(modern("tools/list", null, "")));
    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.path("tools")).hasSize(5);
    assertThat(result.path("tools").get(0).path("name").asText()).isEqualTo("echo");
    assertThat(result.path("ttlMs").asLong()).isEqualTo(300_000);
    assertThat(result.path("cacheScope").asText()).isEqualTo("public");
    assertThat(result.has("_meta")).isTrue();
  }

  @Test
  void toolsCall_returnsCompleteResult() throws Exception {
    JsonNode result =
        result(
            server.handle(
                modern("tools/call", "echo", "\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}")));
    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.path("content").toString())
        .isEqualTo("[{\"type\":\"text\",\"text\":\"hi\"}]");
    assertThat(result.has("isError")).isFalse();
  }

  @Test
  void missingProtocolVersionInMeta_is400InvalidParams() throws Exception {
    HttpResponse response =
        server.handle(
            post(
                jsonHeaders()
                    .add("MCP-Protocol-Version", "2026-07-28")
                    .add("Mcp-Method", "server/discover")
                    .build(),
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"server/discover\",\"params\":{}}"));
    assertError(response, 400, -32602, "io.modelcontextprotocol/protocolVersion");
    assertThat(body(response).path("id").asInt()).isEqualTo(7);
  }

  @Test
  void missingClientCapabilities_is400InvalidParams() throws Exception {
    HttpResponse response =
        server.handle(
            post(
                jsonHeaders()
                    .add("MCP-Protocol-Version", "2026-07-28")
                    .add("Mcp-Method", "tools/list")
                    .build(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":"
                    + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}"));
    assertError(response, 400, -32602, "io.modelcontextprotocol/clientCapabilities");
  }

  @Test
  void missingClientInfo_isStillServed() throws Exception {
    HttpResponse response =
        server.handle(
            post(
                jsonHeaders()
                    .add("MCP-Protocol-Version", "2026-07-28")
                    .add("Mcp-Method", "tools/list")
                    .build(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":"
                    + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}"));
    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void protocolVersionHeaderMismatch_is400HeaderMismatch() throws Exception {
    HttpResponse response =
        server.handle(
            post(
                jsonHeaders()
                    .add("MCP-Protocol-Version", "2025-11-25")
                    .add("Mcp-Method", "tools/list")
                    .build(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{"
                    + MODERN_META
                    + "}}"));
    assertError(response, 400, -32020, "MCP-Protocol-Version header '2025-11-25' does not match");
  }

  @Test
  void missingMethodHeader_is400HeaderMismatch() throws Exception {
    HttpResponse response =
        server.handle(
            post(
                jsonHeaders().add("MCP-Protocol-Version", "2026-07-28").build(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{"
                    + MODERN_META
                    + "}}"));
    assertError(response, 400, -32020, "Missing Mcp-Method header");
  }

  @Test
  void nameHeaderMismatch_is400HeaderMismatch() throws Exception {
    HttpResponse response =
        server.handle(
            modern("tools/call", "other", "\"name\":\"echo\",\"arguments\":{\"text\":\"x\"}"));
    assertError(response, 400, -32020, "Mcp-Name header 'other' does not match params.name 'echo'");
  }

  @Test
  void base64NameHeaderWithWhitespace_isDecodedAndAccepted() throws Exception {
    String encoded =
        "=?base64?"
            + Base64.getEncoder().encodeToString("echo".getBytes(StandardCharsets.UTF_8))
            + "?=";
    HttpResponse response =
        server.handle(
            modern(
                "tools/call",
                "  " + encoded + " ",
                "\"name\":\"echo\",\"arguments\":{\"text\":\"x\"}"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(result(response).path("content").get(0).path("text").asText()).isEqualTo("x");
  }

  @Test
  void invalidBase64NameHeader_is400HeaderMismatch() throws Exception {
    HttpResponse response =
        server.handle(modern("tools/call", "=?base64?***?=", "\"name\":\"echo\",\"arguments\":{}"));
    assertError(response, 400, -32020, "not valid base64");
  }

  @Test
  void unsupportedVersion_is400WithSupportedList() throws Exception {
    String meta = MODERN_META.replace("2026-07-28", "v999.0.0");
    HttpResponse response =
        server.handle(
            post(
                jsonHeaders()
                    .add("MCP-Protocol-Version", "v999.0.0")
                    .add("Mcp-Method", "server/discover")
                    .build(),
                "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"server/discover\",\"params\":{"
                    + meta
                    + "}}"));
    assertError(response, 400, -32022, "Unsupported protocol version 'v999.0.0'");
    JsonNode data = body(response).path("error").path("data");
    assertThat(data.path("requested").asText()).isEqualTo("v999.0.0");
    assertThat(data.path("supported").toString()).isEqualTo("[\"2026-07-28\"]");
    assertThat(body(response).path("id").asText()).isEqualTo("a");
  }

  @Test
  void removedAndUnknownMethods_are404MethodNotFound() throws Exception {
    for (String method :
        new String[] {
          "initialize",
          "ping",
          "logging/setLevel",
          "resources/subscribe",
          "resources/unsubscribe",
          "unknown/method",
          "prompts/list"
        }) {
      HttpResponse response = server.handle(modern(method, null, ""));
      assertError(response, 404, -32601, "Method '" + method + "' is not served on 2026-07-28");
    }
  }

  @Test
  void toolsMethods_areNotServedWithoutTools() throws Exception {
    McpServer empty = McpServer.builder().name("empty").discoverTools(false).build();
    assertError(
        empty.handle(modern("tools/list", null, "")), 404, -32601, "Served: server/discover.");
    assertThat(
            result(empty.handle(modern("server/discover", null, "")))
                .path("capabilities")
                .toString())
        .isEqualTo("{}");
  }

  @Test
  void missingCapability_is400WithRequiredCapabilities() throws Exception {
    HttpResponse response =
        server.handle(modern("tools/call", "ask_model", "\"name\":\"ask_model\""));
    assertError(response, 400, -32021, "needs the client capability 'sampling'");
    assertThat(body(response).at("/error/data/requiredCapabilities").toString())
        .isEqualTo("{\"sampling\":{}}");
  }

  @Test
  void declaredCapability_letsTheToolRun() throws Exception {
    HttpResponse response =
        server.handle(
            post(
                jsonHeaders()
                    .add("MCP-Protocol-Version", "2026-07-28")
                    .add("Mcp-Method", "tools/call")
                    .add("Mcp-Name", "ask_model")
                    .build(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ask_model\",\"_meta\":{"
                    + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{\"sampling\":{}}}}}"));
    assertThat(result(response).path("content").get(0).path("text").asText())
        .isEqualTo("would sample");
  }

  @Test
  void progressToken_answersWithBufferedEventStream() throws Exception {
    String meta = MODERN_META.replace("\"_meta\":{", "\"_meta\":{\"progressToken\":\"p1\",");
    HttpResponse response =
        server.handle(
            post(
                jsonHeaders()
                    .add("MCP-Protocol-Version", "2026-07-28")
                    .add("Mcp-Method", "tools/call")
                    .add("Mcp-Name", "count")
                    .build(),
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"count\","
                    + meta
                    + "}}"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).isEqualTo("text/event-stream");
    String[] events = response.bodyText().split("\n\n");
    assertThat(events).hasSize(4);
    assertThat(events[0])
        .isEqualTo(
            "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
                + "\"params\":{\"progressToken\":\"p1\",\"progress\":1,\"total\":3,\"message\":\"step 1\"}}");
    assertThat(events[3])
        .contains("\"id\":3")
        .contains("\"resultType\":\"complete\"")
        .contains("counted");
  }

  @Test
  void withoutProgressToken_answersWithJson() throws Exception {
    HttpResponse response = server.handle(modern("tools/call", "count", "\"name\":\"count\""));
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void paginationFollowsNextCursor() throws Exception {
    McpServer paged =
        McpServer.builder()
            .name("paged")
            .tools(new EchoPack())
            .discoverTools(false)
            .pageSize(2)
            .build();
    JsonNode first = result(paged.handle(modern("tools/list", null, "")));
    assertThat(first.path("tools")).hasSize(2);
    JsonNode second =
        result(
            paged.handle(
                modern(
                    "tools/list",
                    null,
                    "\"cursor\":\"" + first.path("nextCursor").asText() + "\"")));
    assertThat(second.path("tools").get(0).path("name").asText()).isEqualTo("crash");
    JsonNode third =
        result(
            paged.handle(
                modern(
                    "tools/list",
                    null,
                    "\"cursor\":\"" + second.path("nextCursor").asText() + "\"")));
    assertThat(third.path("tools")).hasSize(1);
    assertThat(third.has("nextCursor")).isFalse();
  }

  @Test
  void invalidCursor_isInvalidParams() throws Exception {
    HttpResponse response = server.handle(modern("tools/list", null, "\"cursor\":\"bogus\""));
    assertError(response, 200, -32602, "Invalid cursor 'bogus'");
  }

  @Test
  void headersAreOptionalWithoutHttp() {
    String reply =
        new String(
            server.handleMessage(
                ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{"
                        + MODERN_META
                        + "}}")
                    .getBytes(StandardCharsets.UTF_8),
                null,
                NotificationSink.DISCARD),
            StandardCharsets.UTF_8);
    assertThat(reply).contains("\"resultType\":\"complete\"").contains("\"name\":\"echo\"");
  }

  static JsonNode body(HttpResponse response) throws Exception {
    return Json.parse(response.body());
  }

  static JsonNode result(HttpResponse response) throws Exception {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    JsonNode body = body(response);
    assertThat(body.has("result")).as(response.bodyText()).isTrue();
    return body.path("result");
  }

  static void assertError(HttpResponse response, int status, int code, String message)
      throws Exception {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    JsonNode error = body(response).path("error");
    assertThat(error.path("code").asInt()).as(response.bodyText()).isEqualTo(code);
    assertThat(error.path("message").asText()).contains(message);
  }
}
