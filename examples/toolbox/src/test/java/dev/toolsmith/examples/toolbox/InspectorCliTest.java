package dev.toolsmith.examples.toolbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.testing.NodeTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MCP Inspector CLI (npm, pinned) against the toolbox in both protocol eras. Each CLI run is a
 * new connection, so it keeps the counter the way any client without protocol sessions does: with
 * the session_handle the first result hands back.
 */
class InspectorCliTest {
  private static NodeTools node;
  private static Backends backends;

  @BeforeAll
  static void start() throws Exception {
    node = NodeTools.installed();
    backends = Backends.get();
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "modern"})
  void listsTheThreeTools(String era) throws Exception {
    JsonNode result = inspector(era, "--method", "tools/list");
    List<String> names = new ArrayList<>();
    result.path("tools").forEach(tool -> names.add(tool.path("name").asText()));
    assertThat(names).containsExactly("get_time", "count_s3_buckets", "increment_counter");
    JsonNode counter = result.path("tools").get(2);
    assertThat(counter.at("/inputSchema/properties/session_handle/type").asText())
        .isEqualTo("string");
    assertThat(counter.at("/inputSchema/required").isMissingNode()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "modern"})
  void countsOneTwoThree_withTheHandedBackSessionHandle(String era) throws Exception {
    JsonNode first = inspector(era, "--method", "tools/call", "--tool-name", "increment_counter");
    assertThat(first.at("/content/0/text").asText()).isEqualTo("1");
    String handle = first.at("/_meta/dev.toolsmith~1sessionHandle").asText();
    assertThat(handle).matches("[A-Za-z0-9_-]{43}");
    if (era.equals("modern")) {
      // No protocol session: the model is told the handle, to pass it on.
      assertThat(first.at("/content/1/text").asText()).contains(handle);
    } else {
      // The CLI keeps its Mcp-Session-Id, so the handle stays out of the model's text.
      assertThat(first.path("content")).hasSize(1);
    }
    for (String expected : List.of("2", "3")) {
      JsonNode next =
          inspector(
              era,
              "--method",
              "tools/call",
              "--tool-name",
              "increment_counter",
              "--tool-arg",
              "session_handle=" + handle);
      assertThat(next.at("/content/0/text").asText()).isEqualTo(expected);
    }
    JsonNode fresh = inspector(era, "--method", "tools/call", "--tool-name", "increment_counter");
    assertThat(fresh.at("/content/0/text").asText()).isEqualTo("1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "modern"})
  void countsTheBucketsS3Holds(String era) throws Exception {
    JsonNode result = inspector(era, "--method", "tools/call", "--tool-name", "count_s3_buckets");
    assertThat(result.at("/content/0/text").asText()).isEqualTo(Integer.toString(Backends.BUCKETS));
  }

  private static JsonNode inspector(String era, String... args) throws Exception {
    List<String> command =
        node.command(
            "mcp-inspector",
            "--cli",
            backends.url(),
            "--transport",
            "http",
            "--protocol-era",
            era,
            "--header",
            "Authorization: Bearer " + Backends.TOKEN);
    command.addAll(List.of(args));
    NodeTools.Result run = NodeTools.run(command, Duration.ofMinutes(1));
    assertThat(run.exitCode())
        .as("exit code; stderr:\n" + run.stderr() + "\nstdout:\n" + run.stdout())
        .isZero();
    return Json.parse(run.stdout());
  }
}
