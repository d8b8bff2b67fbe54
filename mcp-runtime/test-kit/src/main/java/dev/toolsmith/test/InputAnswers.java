package dev.toolsmith.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The replies a test client gives when a tool asks it for input: a user's answer to an elicitation,
 * a model's answer to a sampling request, the client's roots. Each kind is answered in the order
 * given, the last one again for every further request; a client declares the capabilities of the
 * kinds it has answers for, and no others, as a real client would.
 *
 * <pre>{@code
 * McpTestClient client = McpTestClient.of(server, InputAnswers.none()
 *     .elicitation(Map.of("name", "Ada"))      // the user accepts and fills in the form
 *     .sampling("Paris")                       // the model's reply
 *     .roots("file:///home/ada/project"));
 * }</pre>
 *
 * <p>Instances are immutable; every method returns a new one.
 */
public final class InputAnswers {
  static final String ELICITATION = "elicitation/create";
  static final String SAMPLING = "sampling/createMessage";
  static final String ROOTS = "roots/list";

  private static final InputAnswers NONE = new InputAnswers(List.of(), List.of(), null);

  private final List<JsonNode> elicitations;
  private final List<JsonNode> samplings;
  private final JsonNode roots;

  private InputAnswers(List<JsonNode> elicitations, List<JsonNode> samplings, JsonNode roots) {
    this.elicitations = elicitations;
    this.samplings = samplings;
    this.roots = roots;
  }

  /** Returns answers to nothing: the client declares no elicitation, sampling or roots. */
  public static InputAnswers none() {
    return NONE;
  }

  /** Adds an elicitation the user accepts, with the form's content as plain Java values. */
  public InputAnswers elicitation(Map<String, ?> content) {
    ObjectNode answer = Json.object();
    answer.put("action", "accept");
    answer.set("content", JsonValues.toJson(Objects.requireNonNull(content, "content")));
    return withElicitation(answer);
  }

  /** Adds an elicitation the user declines. */
  public InputAnswers declineElicitation() {
    ObjectNode answer = Json.object();
    answer.put("action", "decline");
    return withElicitation(answer);
  }

  /** Adds a sampling request the model answers with this text. */
  public InputAnswers sampling(String text) {
    ObjectNode answer = Json.object();
    answer.put("role", "assistant");
    ObjectNode content = answer.putObject("content");
    content.put("type", "text");
    content.put("text", Objects.requireNonNull(text, "text"));
    answer.put("model", "toolsmith-test");
    answer.put("stopReason", "endTurn");
    List<JsonNode> all = new ArrayList<>(samplings);
    all.add(answer);
    return new InputAnswers(elicitations, List.copyOf(all), roots);
  }

  /** Sets the roots the client lists, as URIs such as {@code file:///home/ada/project}. */
  public InputAnswers roots(String... uris) {
    ObjectNode answer = Json.object();
    ArrayNode list = answer.putArray("roots");
    for (String uri : uris) {
      list.addObject().put("uri", Objects.requireNonNull(uri, "uri"));
    }
    return new InputAnswers(elicitations, samplings, answer);
  }

  private InputAnswers withElicitation(JsonNode answer) {
    List<JsonNode> all = new ArrayList<>(elicitations);
    all.add(answer);
    return new InputAnswers(List.copyOf(all), samplings, roots);
  }

  /** Returns the client capabilities these answers let a client declare. */
  ObjectNode capabilities() {
    ObjectNode capabilities = Json.object();
    if (!elicitations.isEmpty()) {
      capabilities.putObject("elicitation").putObject("form");
    }
    if (!samplings.isEmpty()) {
      capabilities.putObject("sampling");
    }
    if (roots != null) {
      capabilities.putObject("roots");
    }
    return capabilities;
  }

  /**
   * Returns the answer to the {@code index}-th request of this kind, or {@code null} when there is
   * none for the method.
   */
  JsonNode answer(String method, int index) {
    switch (method) {
      case ELICITATION:
        return nth(elicitations, index);
      case SAMPLING:
        return nth(samplings, index);
      case ROOTS:
        return roots;
      default:
        return null;
    }
  }

  private static JsonNode nth(List<JsonNode> answers, int index) {
    return answers.isEmpty() ? null : answers.get(Math.min(index, answers.size() - 1));
  }
}
