package dev.toolsmith.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.test.lambda.AgentCoreGateway;
import dev.toolsmith.test.lambda.HttpEvent;
import dev.toolsmith.test.lambda.LambdaResponse;
import dev.toolsmith.test.lambda.TestContext;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test kit's Lambda helpers ({@code dev.toolsmith.test.lambda}) against the real handler: each
 * event shape it builds is one the handler recognises and answers in that shape's response form,
 * and its AgentCore context reaches the handler's direct-invoke path.
 */
class TestKitEventsTest {
  private final McpLambdaHandler handler = new LambdaEventsTest.EchoHandler();

  @ParameterizedTest
  @ValueSource(strings = {"apiGatewayV1", "apiGatewayV2", "functionUrl", "alb", "albMultiValue"})
  void everyShape_carriesAModernToolCall(String shape) {
    LambdaResponse response =
        LambdaResponse.invoke(handler, event(shape).get().toolCall("echo", "{\"text\":\"hi\"}"));
    assertThat(response.statusCode()).as(response.toString()).isEqualTo(200);
    assertThat(response.header("content-type")).isEqualTo("application/json");
    assertThat(response.bodyJson().at("/result/content/0/text").asText()).isEqualTo("hi");
    if (shape.equals("albMultiValue")) {
      assertThat(response.raw().has("multiValueHeaders")).isTrue();
      assertThat(response.raw().has("headers")).isFalse();
    }
  }

  @Test
  void aBase64Body_isDecodedByTheHandler() {
    LambdaResponse response =
        LambdaResponse.invoke(
            handler,
            HttpEvent.functionUrl().toolCall("echo", "{\"text\":\"ünï\"}").base64Encoded());
    assertThat(response.bodyJson().at("/result/content/0/text").asText()).isEqualTo("ünï");
  }

  @Test
  void aRefusedRequest_keepsItsStatusAndHeaders() {
    LambdaResponse response =
        LambdaResponse.invoke(
            handler,
            HttpEvent.apiGatewayV1()
                .jsonRpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .header("Content-Type", "text/plain"));
    assertThat(response.statusCode()).as(response.toString()).isEqualTo(415);
    assertThat(response.header("content-type")).isEqualTo("application/json");
    assertThat(response.bodyJson().at("/error/message").asText()).contains("Content-Type");
  }

  @Test
  void anAgentCoreGatewayInvocation_reachesTheDirectInvokePath() {
    LambdaResponse response =
        AgentCoreGateway.invoke(handler, "t___echo", Map.of("text", "via the gateway"));
    assertThat(response.statusCode()).isEqualTo(-1);
    assertThat(response.raw().at("/content/0/text").asText()).isEqualTo("via the gateway");
    assertThat(
            LambdaResponse.invoke(
                    handler,
                    AgentCoreGateway.event(Map.of()),
                    TestContext.agentCoreGateway("t___echo"))
                .raw()
                .path("isError")
                .asBoolean())
        .isTrue();
  }

  private static Supplier<HttpEvent> event(String shape) {
    return switch (shape) {
      case "apiGatewayV1" -> HttpEvent::apiGatewayV1;
      case "apiGatewayV2" -> HttpEvent::apiGatewayV2;
      case "functionUrl" -> HttpEvent::functionUrl;
      case "alb" -> HttpEvent::alb;
      default -> HttpEvent::albMultiValue;
    };
  }
}
