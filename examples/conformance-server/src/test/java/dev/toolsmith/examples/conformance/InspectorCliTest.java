package dev.toolsmith.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.local.LocalMcpServer;
import dev.toolsmith.runtime.testing.NodeTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MCP Inspector CLI (npm, pinned) lists and reads resources and lists and gets prompts, in both
 * protocol eras.
 */
class InspectorCliTest {
  private static NodeTools node;
  private static LocalMcpServer local;

  @BeforeAll
  static void start() throws Exception {
    node = NodeTools.installed();
    local =
        LocalMcpServer.builder(ConformanceServer.create())
            .port(0)
            .gracePeriod(Duration.ZERO)
            .start();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "modern"})
  void listsAndReadsResources(String era) throws Exception {
    List<String> uris = new ArrayList<>();
    inspector(era, "--method", "resources/list")
        .path("resources")
        .forEach(r -> uris.add(r.path("uri").asText()));
    assertThat(uris).contains("test://static-text", "test://static-binary");
    assertThat(
            inspector(era, "--method", "resources/templates/list")
                .at("/resourceTemplates/0/uriTemplate")
                .asText())
        .isEqualTo("test://template/{id}/data");
    assertThat(
            inspector(era, "--method", "resources/read", "--uri", "test://static-text")
                .at("/contents/0/text")
                .asText())
        .isEqualTo("This is the content of the static text resource.");
    assertThat(
            inspector(era, "--method", "resources/read", "--uri", "test://template/42/data")
                .at("/contents/0/text")
                .asText())
        .isEqualTo("{\"id\":\"42\",\"templateTest\":true,\"data\":\"Data for ID: 42\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "modern"})
  void listsAndGetsPrompts(String era) throws Exception {
    List<String> names = new ArrayList<>();
    inspector(era, "--method", "prompts/list")
        .path("prompts")
        .forEach(p -> names.add(p.path("name").asText()));
    assertThat(names).contains("test_simple_prompt", "test_prompt_with_arguments");
    JsonNode prompt =
        inspector(
            era,
            "--method",
            "prompts/get",
            "--prompt-name",
            "test_prompt_with_arguments",
            "--prompt-args",
            "arg1=hello",
            "arg2=world");
    assertThat(prompt.at("/messages/0/content/text").asText())
        .isEqualTo("Prompt with arguments: arg1='hello', arg2='world'");
  }

  private static JsonNode inspector(String era, String... args) throws Exception {
    List<String> command =
        node.command(
            "mcp-inspector",
            "--cli",
            local.url().toString(),
            "--transport",
            "http",
            "--protocol-era",
            era);
    command.addAll(List.of(args));
    NodeTools.Result run = NodeTools.run(command, Duration.ofMinutes(1));
    assertThat(run.exitCode())
        .as("exit code; stderr:\n" + run.stderr() + "\nstdout:\n" + run.stdout())
        .isZero();
    return Json.parse(run.stdout());
  }
}
