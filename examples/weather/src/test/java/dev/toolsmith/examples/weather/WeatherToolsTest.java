package dev.toolsmith.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.test.IndexSnapshot;
import dev.toolsmith.test.McpTestClient;
import dev.toolsmith.test.lambda.HttpEvent;
import dev.toolsmith.test.lambda.LambdaResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The weather tool through the test kit: both protocol eras, the Lambda handler with a Function URL
 * event, and its schema under review.
 */
class WeatherToolsTest {
  private final McpServer server = WeatherServer.create();

  @Test
  void getWeather_inBothEras() {
    assertThat(
            McpTestClient.of(server).call("get_weather", Map.of("city", "Paris")).assertOk().text())
        .isEqualTo("The weather in Paris is sunny and 72°F.");
    assertThat(
            McpTestClient.handshake(server)
                .call("get_weather", Map.of("city", "Lisbon"))
                .assertOk()
                .text())
        .isEqualTo("The weather in Lisbon is sunny and 72°F.");
  }

  @Test
  void aMissingCity_isAToolErrorNamingIt() {
    McpTestClient.of(server).call("get_weather", Map.of()).assertToolError("city: missing");
  }

  @Test
  void theLambdaHandler_answersAFunctionUrlEvent() {
    LambdaResponse response =
        LambdaResponse.invoke(
            new WeatherHandler(),
            HttpEvent.functionUrl().toolCall("get_weather", "{\"city\":\"Porto\"}"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyJson().at("/result/content/0/text").asText())
        .isEqualTo("The weather in Porto is sunny and 72°F.");
  }

  @Test
  void theAgentCoreGatewayToolSchema_isWrittenByTheBuild() throws Exception {
    try (var in =
        WeatherTools.class
            .getClassLoader()
            .getResourceAsStream("META-INF/toolsmith/agentcore-gateway/tools.json")) {
      assertThat(in).as("the export -Atoolsmith.targets=agentcore-gateway writes").isNotNull();
      com.fasterxml.jackson.databind.JsonNode tools =
          dev.toolsmith.runtime.internal.json.Json.parse(in.readAllBytes());
      assertThat(tools.isArray()).isTrue();
      assertThat(tools.get(0).path("name").asText()).isEqualTo("get_weather");
      assertThat(tools.get(0).path("inputSchema").has("additionalProperties")).isFalse();
    }
  }

  @Test
  void theSchema_matchesItsReviewedSnapshot() {
    IndexSnapshot.assertUnchanged(WeatherTools.class, Path.of("src/test/snapshots"));
  }
}
