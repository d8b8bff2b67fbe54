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
  void theSchema_matchesItsReviewedSnapshot() {
    IndexSnapshot.assertUnchanged(WeatherTools.class, Path.of("src/test/snapshots"));
  }
}
