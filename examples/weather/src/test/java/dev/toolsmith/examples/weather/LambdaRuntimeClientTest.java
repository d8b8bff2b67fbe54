package dev.toolsmith.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.testing.FakeLambdaService;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The weather handler end to end through the real AWS Lambda runtime interface client, in its own
 * JVM, against a loopback Lambda service ({@link FakeLambdaService}) that hands out recorded events
 * and collects the handler's responses, exactly as on AWS.
 */
class LambdaRuntimeClientTest {

  @Test
  void weatherHandlerAnswersApiGatewayAndAgentCoreInvocations() throws Exception {
    try (FakeLambdaService lambda = new FakeLambdaService()) {
      Process runtime =
          lambda.startRuntimeClient(
              "dev.toolsmith.examples.weather.WeatherHandler::handleRequest",
              Map.of("AWS_LAMBDA_FUNCTION_NAME", "weather"));
      try {
        JsonNode init =
            httpBody(
                answer(
                    lambda.invoke(
                        httpApiEvent(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"))));
        assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("weather");
        JsonNode list =
            httpBody(
                answer(
                    lambda.invoke(
                        httpApiEvent("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"))));
        assertThat(list.at("/result/tools/0/name").asText()).isEqualTo("get_weather");
        JsonNode call =
            httpBody(
                answer(
                    lambda.invoke(
                        httpApiEvent(
                            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                                + "{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Oslo\"}}}"))));
        assertThat(call.at("/result/content/0/text").asText())
            .isEqualTo("The weather in Oslo is sunny and 72°F.");
        String agentCore =
            answer(
                lambda.invoke(
                    "{\"city\":\"Lima\"}",
                    "{\"custom\":{\"bedrockAgentCoreToolName\":\"weather-target___get_weather\",\"bedrockAgentCoreMessageVersion\":\"1.0\"}}"));
        assertThat(agentCore)
            .isEqualTo(
                "{\"content\":[{\"type\":\"text\",\"text\":\"The weather in Lima is sunny and 72°F.\"}]}");
        assertThat(lambda.errors()).isEmpty();
      } finally {
        runtime.destroy();
        runtime.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  static String answer(CompletableFuture<String> response) throws Exception {
    return response.get(60, TimeUnit.SECONDS);
  }

  static JsonNode httpBody(String response) throws IOException {
    JsonNode http = Json.parse(response);
    assertThat(http.path("statusCode").asInt()).as(response).isEqualTo(200);
    assertThat(http.at("/headers/Content-Type").asText()).isEqualTo("application/json");
    return Json.parse(http.path("body").asText());
  }

  static String httpApiEvent(String body) {
    return Json.write(
        gen -> {
          gen.writeStartObject();
          gen.writeStringField("version", "2.0");
          gen.writeStringField("routeKey", "POST /mcp");
          gen.writeStringField("rawPath", "/mcp");
          gen.writeObjectFieldStart("headers");
          gen.writeStringField("content-type", "application/json");
          gen.writeStringField("accept", "application/json, text/event-stream");
          gen.writeEndObject();
          gen.writeObjectFieldStart("requestContext");
          gen.writeObjectFieldStart("http");
          gen.writeStringField("method", "POST");
          gen.writeStringField("path", "/mcp");
          gen.writeEndObject();
          gen.writeEndObject();
          gen.writeStringField("body", body);
          gen.writeBooleanField("isBase64Encoded", false);
          gen.writeEndObject();
        });
  }
}
