package dev.toolsmith.runtime.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolsmith.runtime.testing.FakeLambdaService;
import dev.toolsmith.test.lambda.HttpEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tracing on Lambda, through the real AWS Lambda runtime interface client in its own JVM: a
 * 2026-07-28 request with {@code traceparent} in its {@code _meta} is a child of the client's span,
 * and one without is a child of the invocation's X-Ray trace header.
 */
class LambdaTracingTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void spansJoinTheClientsTrace_orElseTheLambdaInvocationsTrace() throws Exception {
    try (FakeLambdaService lambda = new FakeLambdaService()) {
      Process runtime =
          lambda.startRuntimeClient(
              TracedLambdaHandler.class.getName() + "::handleRequest",
              Map.of("AWS_LAMBDA_FUNCTION_NAME", "traced"));
      try {
        String withMeta =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                + "\"arguments\":{\"text\":\"hi\"},\"_meta\":{\"traceparent\":\""
                + McpTracingTest.TRACEPARENT
                + "\",\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}}";
        assertThat(body(lambda, modern(withMeta, "echo")).at("/result/content/0/text").asText())
            .isEqualTo("hi");
        body(lambda, HttpEvent.apiGatewayV2().toolCall("echo", "{\"text\":\"plain\"}").toJson());

        String listed =
            body(lambda, HttpEvent.apiGatewayV2().toolCall("finished_spans", "{}").toJson())
                .at("/result/content/0/text")
                .asText();
        List<String[]> spans =
            Arrays.stream(listed.split("\n"))
                .map(line -> line.split("\\|", -1))
                .collect(Collectors.toList());
        assertThat(spans).as(listed).hasSize(4);
        String[] clientChild = spans.get(1);
        assertThat(clientChild[0]).isEqualTo("tools/call echo");
        assertThat(clientChild[1]).isEqualTo("SERVER");
        assertThat(clientChild[2]).isEqualTo(McpTracingTest.TRACE_ID);
        assertThat(clientChild[4]).isEqualTo(McpTracingTest.CLIENT_SPAN);
        String[] lambdaChild = spans.get(3);
        assertThat(lambdaChild[0]).isEqualTo("tools/call echo");
        assertThat(lambdaChild[2])
            .as("the trace of the invocation's X-Ray header " + FakeLambdaService.TRACE_HEADER)
            .isEqualTo("5f84c7a90c0ed5e5bf2ab6b4f0e4b9d1");
        assertThat(lambdaChild[4]).isEqualTo("53995c3f42cd8ad8");
        assertThat(spans.get(2)[4])
            .as("the invocation span is the request span's child")
            .isEqualTo(lambdaChild[3]);
        assertThat(lambda.errors()).isEmpty();
      } finally {
        runtime.destroy();
        runtime.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static String modern(String message, String tool) {
    return HttpEvent.apiGatewayV2()
        .jsonRpc(message)
        .header("MCP-Protocol-Version", "2026-07-28")
        .header("Mcp-Method", "tools/call")
        .header("Mcp-Name", tool)
        .toJson();
  }

  private static JsonNode body(FakeLambdaService lambda, String event) throws Exception {
    JsonNode http = MAPPER.readTree(lambda.invoke(event).get(60, TimeUnit.SECONDS));
    assertThat(http.path("statusCode").asInt()).as(http.toString()).isEqualTo(200);
    return MAPPER.readTree(http.path("body").asText());
  }
}
