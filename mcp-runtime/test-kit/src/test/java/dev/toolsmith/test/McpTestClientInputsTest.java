package dev.toolsmith.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.AskingPack;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.runtime.testing.LibraryPack;
import dev.toolsmith.test.packs.QuotePack;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kit's client in both eras against a real engine: scripted answers to input requests, progress
 * and logs, resources, prompts, completions and output schemas. Every test runs once as a
 * 2026-07-28 client (input through {@code input_required} and retries) and once as a 2025-11-25 one
 * (input through requests on the call's held stream).
 */
class McpTestClientInputsTest {
  private static final InputAnswers ADA =
      InputAnswers.none()
          .elicitation(Map.of("name", "Ada"))
          .sampling("Good morning!")
          .roots("file:///home/ada/project");

  private final McpServer server =
      McpServer.builder()
          .name("kit")
          .discoverTools(false)
          .tools(new AskingPack(), new EchoPack(), new LibraryPack(), new QuotePack())
          .build();

  private McpTestClient client(String era, InputAnswers answers) {
    BiFunction<McpServer, InputAnswers, McpTestClient> open =
        era.equals("modern") ? McpTestClient::of : McpTestClient::handshake;
    return open.apply(server, answers);
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern", "handshake"})
  void anElicitation_isAnsweredWithTheScriptedForm(String era) {
    McpTestClient client = client(era, ADA);
    assertThat(client.call("greet", Map.of()).assertOk().text()).isEqualTo("Hello, Ada!");
    assertThat(client.asked()).hasSize(1);
    assertThat(client.asked().get(0).path("method").asText()).isEqualTo("elicitation/create");
    assertThat(client.asked().get(0).path("params").path("message").asText())
        .isEqualTo("What is your name?");
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern", "handshake"})
  void elicitation_sampling_andRoots_areAnsweredTogether(String era) {
    McpTestClient client = client(era, ADA);
    assertThat(client.call("everything", Map.of()).assertOk().text())
        .isEqualTo("got [user_name, greeting, client_roots]");
    assertThat(client.asked().stream().map(asked -> asked.path("method").asText()))
        .containsExactlyInAnyOrder("elicitation/create", "sampling/createMessage", "roots/list");
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern", "handshake"})
  void answersOfOneKind_areGivenInOrder(String era) {
    McpTestClient client =
        client(
            era,
            InputAnswers.none()
                .elicitation(Map.of("name", "Grace"))
                .elicitation(Map.of("color", "teal")));
    assertThat(client.call("two_steps", Map.of()).assertOk().text()).startsWith("Grace likes teal");
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern", "handshake"})
  void aClientWithoutAnswers_declaresNothing_soTheToolSaysWhatItNeeded(String era) {
    ToolOutcome outcome = client(era, InputAnswers.none()).call("greet", Map.of());
    assertThat(outcome.isError() || outcome.protocolError() != null)
        .as(outcome.toString())
        .isTrue();
    assertThat(outcome.toString()).contains("elicitation");
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern", "handshake"})
  void progress_andLogs_areObserved(String era) {
    McpTestClient client = client(era, InputAnswers.none());
    List<JsonNode> progress = client.call("count", Map.of()).assertOk().progress();
    assertThat(progress).extracting(p -> p.path("progress").asInt()).containsExactly(1, 2, 3);
    assertThat(progress.get(2).path("message").asText()).isEqualTo("step 3");

    List<JsonNode> logs = client.call("chatty", Map.of()).assertOk().logs();
    // A 2026-07-28 request asks for debug and up; a 2025-11-25 session starts at info.
    assertThat(logs)
        .extracting(log -> log.path("data").asText())
        .containsExactlyElementsOf(
            era.equals("modern")
                ? List.of("debugging", "working", "oops")
                : List.of("working", "oops"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern", "handshake"})
  void resources_prompts_andCompletions(String era) {
    McpTestClient client = client(era, ADA);
    assertThat(client.resourceUris()).contains("library://catalog", "slow://report");
    assertThat(client.resourceTemplates()).contains("library://books/{id}/summary");
    assertThat(client.resourceText("library://catalog")).contains("dune");
    assertThat(client.readResource("library://books/emma/summary").toString())
        .contains("{\\\"id\\\":\\\"emma\\\"}");
    assertThat(client.promptNames()).contains("review", "contextual");
    assertThat(client.getPrompt("review", Map.of("book", "dune")).toString())
        .contains("Write a fair review of dune.");
    assertThat(client.completePrompt("review", "book", "d"))
        .containsExactly("dune", "dracula", "don-quixote");
    assertThat(client.completeTemplate("library://books/{id}/summary", "id", "e"))
        .containsExactly("emma");
    assertThatThrownBy(() -> client.readResource("library://books/nope/summary"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("There is no book 'nope'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern", "handshake"})
  void aPromptThatAsksForInput_getsItsAnswer(String era) {
    McpTestClient client =
        client(era, InputAnswers.none().elicitation(Map.of("context", "a bookshop")));
    assertThat(client.getPrompt("contextual", Map.of()).toString()).contains("Using a bookshop");
  }

  @ParameterizedTest
  @ValueSource(strings = {"modern", "handshake"})
  void structuredContent_isCheckedAgainstTheListedOutputSchema(String era) {
    McpTestClient client = client(era, InputAnswers.none());
    client.call("quote", Map.of()).assertMatchesOutputSchema();
    assertThatThrownBy(() -> client.call("bad_quote", Map.of()).assertMatchesOutputSchema())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "The structuredContent of 'bad_quote' does not match its outputSchema")
        .hasMessageContaining("cents");
    assertThatThrownBy(() -> client.call("echo", Map.of("text", "x")).assertMatchesOutputSchema())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Tool 'echo' lists no outputSchema");
  }
}
