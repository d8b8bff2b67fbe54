package dev.toolsmith.examples.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.testing.NodeTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MCP Inspector CLI (npm, pinned) against the authenticated board, with tokens from the real
 * issuer.
 */
class InspectorCliTest {
  private static NodeTools node;
  private static BoardBackends backends;

  @BeforeAll
  static void start() throws Exception {
    node = NodeTools.installed();
    backends = BoardBackends.get();
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "modern"})
  void postsAndReadsAsTheTokensSubject(String era) throws Exception {
    String token = backends.token("grace-" + era, BoardTools.READ + " " + BoardTools.WRITE);
    String text = "inspector says hi " + UUID.randomUUID();

    JsonNode posted =
        inspector(
            era,
            token,
            "--method",
            "tools/call",
            "--tool-name",
            "post_message",
            "--tool-arg",
            "text=" + text);
    JsonNode read = inspector(era, token, "--method", "tools/call", "--tool-name", "get_messages");

    assertThat(posted.at("/content/0/text").asText()).endsWith("as grace-" + era + ".");
    List<String> authors = new ArrayList<>();
    read.at("/structuredContent/result")
        .forEach(
            m -> {
              if (m.path("text").asText().equals(text)) {
                authors.add(m.path("author").asText());
              }
            });
    assertThat(authors).containsExactly("grace-" + era);
  }

  @Test
  void listsBothTools() throws Exception {
    JsonNode tools =
        inspector("modern", backends.token("heidi", BoardTools.READ), "--method", "tools/list");
    List<String> names = new ArrayList<>();
    tools.path("tools").forEach(tool -> names.add(tool.path("name").asText()));
    assertThat(names).containsExactly("post_message", "get_messages");
  }

  @Test
  void aMissingScopeFailsTheCall() throws Exception {
    List<String> command =
        node.command(
            "mcp-inspector",
            "--cli",
            backends.serverUrl,
            "--transport",
            "http",
            "--header",
            "Authorization: Bearer " + backends.token("ivan", BoardTools.READ),
            "--method",
            "tools/call",
            "--tool-name",
            "post_message",
            "--tool-arg",
            "text=nope");
    NodeTools.Result run = NodeTools.run(command, Duration.ofMinutes(1));
    assertThat(run.exitCode()).isNotZero();
    // The Inspector reads the 403's WWW-Authenticate challenge and names the scope it lacks.
    assertThat(run.stdout() + run.stderr())
        .contains("Insufficient scope")
        .contains("messages:write");
  }

  private static JsonNode inspector(String era, String token, String... args) throws Exception {
    List<String> command =
        node.command(
            "mcp-inspector",
            "--cli",
            backends.serverUrl,
            "--transport",
            "http",
            "--protocol-era",
            era,
            "--header",
            "Authorization: Bearer " + token);
    command.addAll(List.of(args));
    NodeTools.Result run = NodeTools.run(command, Duration.ofMinutes(1));
    assertThat(run.exitCode())
        .as("exit code; stderr:\n" + run.stderr() + "\nstdout:\n" + run.stdout())
        .isZero();
    return Json.parse(run.stdout());
  }
}
