package dev.toolsmith.runtime.internal.protocol;

import static dev.toolsmith.runtime.internal.protocol.ModernEraTest.assertError;
import static dev.toolsmith.runtime.internal.protocol.ModernEraTest.result;
import static dev.toolsmith.runtime.testing.Mcp.MODERN_META;
import static dev.toolsmith.runtime.testing.Mcp.jsonHeaders;
import static dev.toolsmith.runtime.testing.Mcp.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SEP-2243's {@code Mcp-Param-*} headers: each argument a tool declares with {@code x-mcp-header}
 * travels again in its header, which must say what the body says; the cases of the conformance
 * suite's http-custom-header-server-validation scenario, and the ones it leaves out.
 */
class ParamHeadersTest {
  private static final String SCHEMA =
      "{\"name\":\"deploy\",\"inputSchema\":{\"type\":\"object\",\"properties\":{"
          + "\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"},"
          + "\"replicas\":{\"type\":\"integer\",\"x-mcp-header\":\"Replicas\"},"
          + "\"note\":{\"type\":\"string\"}}}}";

  /** Echoes the region, as the suite's fixture does. */
  static final class DeployPack implements ToolPack {
    @Override
    public List<ToolDescriptor> tools() {
      return List.of(ToolDescriptor.of("deploy", SCHEMA));
    }

    @Override
    public ToolResult call(String tool, ToolCall call) {
      return ToolResult.text("region=" + call.arguments().path("region").asText());
    }
  }

  private final McpServer server =
      McpServer.builder().name("headers").discoverTools(false).tools(new DeployPack()).build();

  private HttpResponse call(String arguments, String... headers) {
    var builder =
        jsonHeaders()
            .add("MCP-Protocol-Version", "2026-07-28")
            .add("Mcp-Method", "tools/call")
            .add("Mcp-Name", "deploy");
    for (int i = 0; i < headers.length; i += 2) {
      builder.add(headers[i], headers[i + 1]);
    }
    HttpRequest request =
        post(
            builder.build(),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"deploy\","
                + "\"arguments\":"
                + arguments
                + ","
                + MODERN_META
                + "}}");
    return server.handle(request);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "body {0}, header {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hello | =?base64?SGVsbG8=?=",
        "Hello | =?BASE64?SGVsbG8=?=",
        "SGVsbG8= | SGVsbG8=",
        "=?base64?SGVsbG8= | =?base64?SGVsbG8=",
        "us-west1 | us-west1",
        "us-west1 | '  us-west1  '",
      })
  void aHeaderThatSaysWhatTheBodySays_isAccepted(String body, String header) throws Exception {
    HttpResponse response = call("{\"region\":\"" + body + "\"}", "Mcp-Param-Region", header);
    assertThat(result(response).at("/content/0/text").asText()).isEqualTo("region=" + body);
  }

  @ParameterizedTest(name = "header {0}")
  @CsvSource({"=?base64?SGVsbG8?=", "=?base64?SGVs!!!bG8=?="})
  void badBase64_isRefused(String header) throws Exception {
    assertError(
        call("{\"region\":\"Hello\"}", "Mcp-Param-Region", header),
        400,
        -32020,
        "Mcp-Param-Region header '" + header + "' is not valid base64");
  }

  @Test
  void aMissingHeader_forAnArgumentInTheBody_isRefused() throws Exception {
    assertError(
        call("{\"region\":\"eu-west1\"}"),
        400,
        -32020,
        "Missing Mcp-Param-Region header. 2026-07-28 requests send it with the value of"
            + " arguments.region ('eu-west1')");
  }

  @Test
  void aHeaderThatDisagrees_isRefused() throws Exception {
    assertError(
        call("{\"region\":\"eu-west1\"}", "Mcp-Param-Region", "us-east1"),
        400,
        -32020,
        "Mcp-Param-Region header 'us-east1' does not match arguments.region 'eu-west1'");
  }

  @Test
  void integers_areComparedAsTheirJsonText_andHeaderNamesIgnoreCase() throws Exception {
    HttpResponse response =
        call(
            "{\"region\":\"a\",\"replicas\":3}",
            "mcp-param-region",
            "a",
            "MCP-PARAM-REPLICAS",
            "3");
    assertThat(result(response).at("/content/0/text").asText()).isEqualTo("region=a");
  }

  @Test
  void anArgumentLeftOut_needsNoHeader_andMustHaveNone() throws Exception {
    assertThat(result(call("{\"replicas\":2}", "Mcp-Param-Replicas", "2")).isObject()).isTrue();
    assertThat(
            result(call("{\"region\":null,\"replicas\":2}", "Mcp-Param-Replicas", "2")).isObject())
        .isTrue();
    assertError(
        call(
            "{\"replicas\":2}",
            "Mcp-Param-Replicas",
            "2",
            "Mcp-Param-Region",
            "=?base64?" + base64("x") + "?="),
        400,
        -32020,
        "Mcp-Param-Region header '=?base64?eA==?=' was sent, but the body has no arguments.region");
  }

  @Test
  void handshakeEraCalls_areNotChecked() throws Exception {
    HttpResponse response =
        server.handle(
            post(
                jsonHeaders().add("MCP-Protocol-Version", "2025-11-25").build(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"deploy\","
                    + "\"arguments\":{\"region\":\"x\"}}}"));
    assertThat(result(response).at("/content/0/text").asText()).isEqualTo("region=x");
  }
}
