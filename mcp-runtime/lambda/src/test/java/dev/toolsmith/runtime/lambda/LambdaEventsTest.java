package dev.toolsmith.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.test.lambda.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every event shape the Lambda handler accepts, fed from recorded event JSON. */
class LambdaEventsTest {
  private final McpLambdaHandler handler = new EchoHandler();

  static final class EchoHandler extends McpLambdaHandler {
    EchoHandler() {
      super(
          McpServer.builder()
              .name("echo")
              .version("1.0.0")
              .tools(new EchoPack())
              .discoverTools(false)
              .build());
    }
  }

  @Test
  void restApiV1_isAnsweredInV1Shape() throws Exception {
    JsonNode response = invoke("apigw-v1-rest.json", TestContext.plain());
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.at("/headers/Content-Type").asText()).isEqualTo("application/json");
    assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
    JsonNode body = Json.parse(response.path("body").asText());
    assertThat(body.at("/result/tools/0/name").asText()).isEqualTo("echo");
    assertThat(body.at("/result/resultType").isMissingNode()).isTrue();
  }

  @Test
  void aFailureBelowTheHandler_isAnHttpEventResponse_notAnInvocationError() throws Exception {
    McpLambdaHandler broken =
        new McpLambdaHandler(
            McpServer.builder()
                .name("broken")
                .tools(new EchoPack())
                .discoverTools(false)
                .auth(
                    headers -> {
                      throw new IllegalStateException("the identity provider SDK blew up");
                    })
                .build()) {};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = getClass().getResourceAsStream("/events/apigw-v2-http.json")) {
      broken.handleRequest(in, out, TestContext.plain());
    }
    JsonNode response = Json.parse(out.toByteArray());
    assertThat(response.path("statusCode").asInt()).isEqualTo(500);
    JsonNode body = Json.parse(response.path("body").asText());
    assertThat(body.at("/error/code").asInt()).isEqualTo(-32603);
    assertThat(body.at("/error/message").asText())
        .contains("error id")
        .doesNotContain("IllegalStateException")
        .doesNotContain("blew up");
  }

  @Test
  void httpApiV2_servesAModernToolCall() throws Exception {
    JsonNode response = invoke("apigw-v2-http.json", TestContext.plain());
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    JsonNode body = Json.parse(response.path("body").asText());
    assertThat(body.at("/result/resultType").asText()).isEqualTo("complete");
    assertThat(body.at("/result/content/0/text").asText()).isEqualTo("hello");
  }

  @Test
  void functionUrl_decodesBase64BodyAndToleratesCharset() throws Exception {
    JsonNode response = invoke("function-url-base64.json", TestContext.plain());
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    JsonNode body = Json.parse(response.path("body").asText());
    assertThat(body.at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
    assertThat(body.at("/result/serverInfo/name").asText()).isEqualTo("echo");
  }

  @Test
  void alb_singleValueHeaders_areAnsweredWithHeadersAndStatusDescription() throws Exception {
    JsonNode response = invoke("alb-single.json", TestContext.plain());
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("statusDescription").asText()).isEqualTo("200 OK");
    assertThat(response.at("/headers/Content-Type").asText()).isEqualTo("application/json");
    assertThat(response.path("body").asText())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}");
  }

  @Test
  void alb_multiValueHeaders_areAnsweredWithMultiValueHeaders() throws Exception {
    JsonNode response = invoke("alb-multi-value.json", TestContext.plain());
    assertThat(response.path("statusCode").asInt()).isEqualTo(405);
    assertThat(response.path("statusDescription").asText()).isEqualTo("405 Method Not Allowed");
    assertThat(response.at("/multiValueHeaders/Allow/0").asText()).isEqualTo("POST");
    assertThat(response.has("headers")).isFalse();
  }

  @Test
  void notification_is202WithEmptyBody() throws Exception {
    JsonNode response = invoke("apigw-v2-notification.json", TestContext.plain());
    assertThat(response.path("statusCode").asInt()).isEqualTo(202);
    assertThat(response.path("body").asText()).isEmpty();
    assertThat(response.path("headers").has("Content-Type")).isFalse();
  }

  @Test
  void foreignOrigin_is403() throws Exception {
    JsonNode response = invoke("apigw-v2-foreign-origin.json", TestContext.plain());
    assertThat(response.path("statusCode").asInt()).isEqualTo(403);
    assertThat(response.path("body").asText())
        .contains("Origin 'https://evil.example.com' is not allowed");
  }

  @Test
  void rawJsonRpc_isAnsweredWithTheJsonRpcResponse() throws Exception {
    JsonNode response = invoke("jsonrpc-raw.json", TestContext.plain());
    assertThat(response.path("id").asText()).isEqualTo("raw-1");
    assertThat(response.at("/result/content/0/text").asText()).isEqualTo("direct");
  }

  @Test
  void agentCoreTarget_callsTheNamedToolWithTheEventAsArguments() throws Exception {
    Context context =
        TestContext.withCustom(
            Map.of(
                "bedrockAgentCoreToolName", "echo-target___echo",
                "bedrockAgentCoreMessageVersion", "1.0",
                "bedrockAgentCoreGatewayId", "gw-123"));
    JsonNode response = invoke("agentcore-arguments.json", context);
    assertThat(response.toString())
        .isEqualTo("{\"content\":[{\"type\":\"text\",\"text\":\"from the gateway\"}]}");
  }

  @Test
  void withDirectInvokesRefused_onlyHttpEventsAreServed() throws Exception {
    McpLambdaHandler httpOnly =
        new McpLambdaHandler(
            McpServer.builder().name("echo").tools(new EchoPack()).discoverTools(false).build()) {
          @Override
          protected boolean servesDirectInvokes() {
            return false;
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = getClass().getResourceAsStream("/events/jsonrpc-raw.json")) {
      httpOnly.handleRequest(in, out, TestContext.plain());
    }
    JsonNode refused = Json.parse(out.toByteArray());
    assertThat(refused.at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(refused.at("/error/message").asText())
        .contains("only through its HTTP endpoint")
        .contains("MCP_DIRECT_INVOKES=refuse");
    Context gateway =
        TestContext.withCustom(Map.of("bedrockAgentCoreToolName", "echo-target___echo"));
    assertThatThrownBy(
            () ->
                httpOnly.handleRequest(
                    new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(),
                    gateway))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only through its HTTP endpoint");
    ByteArrayOutputStream http = new ByteArrayOutputStream();
    try (InputStream in = getClass().getResourceAsStream("/events/apigw-v1-rest.json")) {
      httpOnly.handleRequest(in, http, TestContext.plain());
    }
    assertThat(Json.parse(http.toByteArray()).path("statusCode").asInt()).isEqualTo(200);
  }

  @Test
  void directInvokesSetting_isIamOrRefuse_andAnythingElseFailsTheStart() {
    assertThat(McpLambdaHandler.directInvokes(null)).isTrue();
    assertThat(McpLambdaHandler.directInvokes(" IAM ")).isTrue();
    assertThat(McpLambdaHandler.directInvokes("refuse")).isFalse();
    assertThatThrownBy(() -> McpLambdaHandler.directInvokes("yes"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MCP_DIRECT_INVOKES must be 'iam'");
  }

  @Test
  void agentCoreTarget_toolFailure_isAnErrorResult() throws Exception {
    Context context = TestContext.withCustom(Map.of("bedrockAgentCoreToolName", "t___refuse"));
    JsonNode response =
        invoke(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), context);
    assertThat(response.path("isError").asBoolean()).isTrue();
  }

  @Test
  void agentCoreTarget_unknownTool_failsTheInvocationNamingTheTools() {
    Context context = TestContext.withCustom(Map.of("bedrockAgentCoreToolName", "t___nope"));
    assertThatThrownBy(
            () -> invoke(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown tool 'nope'. Known tools: echo");
  }

  @Test
  void agentCoreTarget_malformedName_failsTheInvocation() {
    Context context = TestContext.withCustom(Map.of("bedrockAgentCoreToolName", "echo"));
    assertThatThrownBy(
            () -> invoke(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AgentCore Gateway names tools <target>___<tool>");
  }

  @Test
  void unrecognisedEvent_failsNamingTheShapesServed() {
    assertThatThrownBy(
            () ->
                invoke(
                    new ByteArrayInputStream("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)),
                    TestContext.plain()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unrecognised Lambda event with fields [Records]");
  }

  private JsonNode invoke(String fixture, Context context) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/events/" + fixture)) {
      assertThat(in).as(fixture).isNotNull();
      return invoke(in, context);
    }
  }

  private JsonNode invoke(InputStream in, Context context) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(in, out, context);
    return Json.parse(out.toByteArray());
  }
}
