package dev.toolsmith.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, run as the README says ({@code java -jar examples/weather/target/weather.jar}):
 * it prints its URL, answers MCP over HTTP, and exits cleanly when stopped.
 */
class WeatherJarIT {

  @Test
  void jarServesTheWeatherToolAndStopsOnSigterm() throws Exception {
    Path jar = Path.of(System.getProperty("weather.jar", "target/weather.jar"));
    assertThat(jar).exists();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString())
            .redirectError(Files.createTempFile("weather", ".err").toFile());
    builder.environment().put("PORT", "0");
    Process process = builder.start();
    try {
      BufferedReader stdout =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String banner = stdout.readLine();
      assertThat(banner)
          .startsWith("Weather MCP server listening at http://127.0.0.1:")
          .endsWith("/mcp");
      URI url = URI.create(banner.substring(banner.indexOf("http://")));

      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(url)
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json, text/event-stream")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                              + "\"params\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .isEqualTo(
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\","
                  + "\"text\":\"The weather in Paris is sunny and 72°F.\"}]}}");
    } finally {
      process.destroy();
      assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
    }
  }
}
