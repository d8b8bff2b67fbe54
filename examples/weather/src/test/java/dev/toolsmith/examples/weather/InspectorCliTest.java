package dev.toolsmith.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.testing.NodeTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MCP Inspector CLI (npm, pinned) lists and calls the weather tool in both protocol eras; the
 * recorded traffic shows which era it really spoke.
 */
class InspectorCliTest {
  private static NodeTools node;
  private static RecordingServer local;

  @BeforeAll
  static void start() throws Exception {
    node = NodeTools.installed();
    local = new RecordingServer(WeatherServer.create());
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "modern"})
  void listsTools(String era) throws Exception {
    JsonNode result = inspector(era, "--method", "tools/list");
    assertThat(result.path("tools")).hasSize(1);
    JsonNode tool = result.path("tools").get(0);
    assertThat(tool.path("name").asText()).isEqualTo("get_weather");
    assertThat(tool.at("/inputSchema/required/0").asText()).isEqualTo("city");
    assertThat(tool.at("/annotations/readOnlyHint").asBoolean()).isTrue();
    assertEra(result, era);
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "modern"})
  void callsTheTool(String era) throws Exception {
    JsonNode result =
        inspector(
            era,
            "--method",
            "tools/call",
            "--tool-name",
            "get_weather",
            "--tool-arg",
            "city=Lisbon");
    assertThat(result.at("/content/0/text").asText())
        .isEqualTo("The weather in Lisbon is sunny and 72°F.");
    assertEra(result, era);
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "modern"})
  void unknownToolExitsWithToolError(String era) throws Exception {
    NodeTools.Result run =
        NodeTools.run(
            command(era, "--method", "tools/call", "--tool-name", "get_forecast"),
            Duration.ofMinutes(1));
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(5);
  }

  private static void assertEra(JsonNode result, String era) {
    List<String> requests = local.requests();
    if (era.equals("modern")) {
      assertThat(requests)
          .anyMatch(r -> r.startsWith("POST version=2026-07-28 method=server/discover"));
      assertThat(requests).noneMatch(r -> r.contains("\"method\":\"initialize\""));
    } else {
      assertThat(requests)
          .anyMatch(
              r -> r.startsWith("POST version=null") && r.contains("\"method\":\"initialize\""));
      assertThat(requests).noneMatch(r -> r.contains("2026-07-28"));
      assertThat(result.has("_meta")).isFalse();
    }
  }

  private static JsonNode inspector(String era, String... args) throws Exception {
    local.clear();
    NodeTools.Result run = NodeTools.run(command(era, args), Duration.ofMinutes(1));
    assertThat(run.exitCode()).as(run.stderr() + run.stdout()).isZero();
    return Json.parse(run.stdout());
  }

  private static List<String> command(String era, String... args) {
    List<String> command =
        new ArrayList<>(
            node.command(
                "mcp-inspector",
                "--cli",
                local.url(),
                "--transport",
                "http",
                "--protocol-era",
                era));
    command.addAll(List.of(args));
    return command;
  }
}
