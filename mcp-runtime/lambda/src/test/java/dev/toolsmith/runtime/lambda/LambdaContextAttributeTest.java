package dev.toolsmith.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import dev.toolsmith.test.lambda.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Lambda {@code Context} reaches a tool through {@code RequestContext.transportAttribute} on
 * every way the handler is invoked, while no class of the core names a Lambda type; and a transport
 * that has no Lambda context gives the tool none.
 */
class LambdaContextAttributeTest {
  /** Answers with the invocation's AWS request id, or "none". */
  private static final ToolPack REQUEST_ID =
      new ToolPack() {
        private final List<ToolDescriptor> tools =
            List.of(
                ToolDescriptor.of(
                    "request_id",
                    "{\"name\":\"request_id\",\"inputSchema\":{\"type\":\"object\"}}"));

        @Override
        public List<ToolDescriptor> tools() {
          return tools;
        }

        @Override
        public ToolResult call(String tool, ToolCall call) {
          return ToolResult.text(
              call.context()
                  .transportAttribute(Context.class)
                  .map(Context::getAwsRequestId)
                  .orElse("none"));
        }
      };

  private static final class RequestIdHandler extends McpLambdaHandler {
    RequestIdHandler() {
      super(McpServer.builder().name("ids").tools(REQUEST_ID).discoverTools(false).build());
    }
  }

  private final McpLambdaHandler handler = new RequestIdHandler();
  private final String requestId = TestContext.plain().getAwsRequestId();

  @Test
  void httpApiEvent_givesTheToolTheInvocationsContext() throws IOException {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"request_id\"}}";
    String event =
        "{\"version\":\"2.0\",\"rawPath\":\"/mcp\",\"headers\":{\"content-type\":\"application/json\","
            + "\"accept\":\"application/json, text/event-stream\"},\"requestContext\":{\"http\":"
            + "{\"method\":\"POST\",\"path\":\"/mcp\"}},\"body\":"
            + Json.toString(Json.nodes().textNode(body))
            + ",\"isBase64Encoded\":false}";
    JsonNode response = invoke(event, TestContext.plain());
    assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
    assertThat(Json.parse(response.path("body").asText()).at("/result/content/0/text").asText())
        .isEqualTo(requestId);
  }

  @Test
  void directInvoke_givesTheToolTheInvocationsContext() throws IOException {
    JsonNode response =
        invoke(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"request_id\"}}",
            TestContext.plain());
    assertThat(response.at("/result/content/0/text").asText()).isEqualTo(requestId);
  }

  @Test
  void agentCoreEvent_givesTheToolTheInvocationsContext() throws IOException {
    JsonNode response =
        invoke("{}", TestContext.withCustom(Map.of("bedrockAgentCoreToolName", "t___request_id")));
    assertThat(response.at("/content/0/text").asText()).isEqualTo(requestId);
  }

  @Test
  void aTransportWithoutLambda_givesTheToolNoContext() throws IOException {
    byte[] reply =
        handler
            .server()
            .handleMessage(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"request_id\"}}"
                    .getBytes(StandardCharsets.UTF_8),
                TransportAttributes.none(),
                null);
    assertThat(Json.parse(reply).at("/result/content/0/text").asText()).isEqualTo("none");
  }

  private JsonNode invoke(String event, Context context) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8))) {
      handler.handleRequest(in, out, context);
    }
    return Json.parse(out.toByteArray());
  }
}
