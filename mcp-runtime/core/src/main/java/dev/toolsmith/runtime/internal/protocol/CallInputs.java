package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.InputRequest;
import dev.toolsmith.runtime.Inputs;
import dev.toolsmith.runtime.ToolException;
import dev.toolsmith.runtime.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Inputs} of one multi-round-trip-capable request ({@code tools/call}, {@code
 * prompts/get} or {@code resources/read} on 2026-07-28): the answers of this round and of the
 * rounds before it (from the verified {@code requestState}), and what the method stores.
 */
final class CallInputs implements Inputs {
  private final String method;
  private final String name;
  private final JsonNode capabilities;

  /** The answers so far, or {@code null} for none: most calls ask nothing. */
  private final ObjectNode answers;

  /** What the call stored, or {@code null} until it stores something. */
  private ObjectNode values;

  private final String unavailable;

  private CallInputs(
      String method,
      String name,
      JsonNode capabilities,
      ObjectNode answers,
      ObjectNode values,
      String unavailable) {
    this.method = method;
    this.name = name;
    this.capabilities = capabilities;
    this.answers = answers;
    this.values = values;
    this.unavailable = unavailable;
  }

  /** Inputs where the client cannot be asked anything, with the reason. */
  static CallInputs unavailable(String reason) {
    return new CallInputs(null, null, null, null, null, reason);
  }

  /**
   * Inputs of a task's run: the answers and stored values its earlier runs and {@code tasks/update}
   * gathered, kept in the task rather than in a {@code requestState}.
   */
  static CallInputs ofTask(JsonNode capabilities, ObjectNode answers, ObjectNode values) {
    return new CallInputs("tools/call", null, capabilities, answers, values, null);
  }

  /** Returns every answer so far, as a JSON object of input keys to the client's results. */
  String answersJson() {
    return Json.toString(orEmpty(answers));
  }

  /** Returns what the call stored for its later rounds, as a JSON object. */
  String valuesJson() {
    return Json.toString(orEmpty(values));
  }

  /**
   * Reads a request's {@code inputResponses} and {@code requestState}.
   *
   * @throws ProtocolException -32602 for malformed responses or a state that fails verification
   */
  static CallInputs of(
      JsonRpcMessage.Request request, String name, JsonNode capabilities, RequestStates states) {
    ObjectNode params = request.params();
    ObjectNode answers = null;
    ObjectNode values = null;
    JsonNode state = params == null ? null : params.get("requestState");
    if (state != null && !state.isNull()) {
      if (!state.isTextual()) {
        throw ProtocolException.invalidParams(
            "\"params.requestState\" must be the string the previous result gave.");
      }
      // The clock is read only here: most calls carry no state, and a cold start need not load
      // java.time.
      ObjectNode payload = states.verify(state.textValue(), request.method(), name, Instant.now());
      if (payload.get("a") instanceof ObjectNode earlier) {
        answers = Json.object();
        answers.setAll(earlier);
      }
      if (payload.get("s") instanceof ObjectNode stored) {
        values = Json.object();
        values.setAll(stored);
      }
    }
    JsonNode responses = params == null ? null : params.get("inputResponses");
    if (responses != null && !responses.isNull()) {
      if (!responses.isObject()) {
        throw ProtocolException.invalidParams(
            "\"params.inputResponses\" must be an object of input keys to the client's "
                + "results, got "
                + Json.preview(responses)
                + ".");
      }
      for (Map.Entry<String, JsonNode> response : responses.properties()) {
        if (!response.getValue().isObject()) {
          throw ProtocolException.invalidParams(
              "\"params.inputResponses."
                  + response.getKey()
                  + "\" must be the result "
                  + "object of the client method that was asked for, got "
                  + Json.preview(response.getValue())
                  + ".");
        }
        if (answers == null) {
          answers = Json.object();
        }
        answers.set(response.getKey(), response.getValue());
      }
    }
    return new CallInputs(request.method(), name, capabilities, answers, values, null);
  }

  @Override
  public JsonNode get(InputRequest request) {
    return getAll(request).get(request.key());
  }

  @Override
  public Map<String, JsonNode> getAll(InputRequest... requests) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    List<InputRequest> missing = new ArrayList<>();
    for (InputRequest request : requests) {
      Objects.requireNonNull(request, "request");
      requireCapability(request);
      JsonNode answer = answers == null ? null : answers.get(request.key());
      if (answer == null) {
        missing.add(request);
      } else {
        found.put(request.key(), answer.deepCopy());
      }
    }
    if (!missing.isEmpty()) {
      throw new InputRequiredSignal(missing);
    }
    return found;
  }

  @Override
  public Optional<JsonNode> state(String key) {
    JsonNode value = values == null ? null : values.get(key);
    return value == null ? Optional.empty() : Optional.of(value.deepCopy());
  }

  @Override
  public void putState(String key, JsonNode value) {
    if (values == null) {
      values = Json.object();
    }
    values.set(
        Objects.requireNonNull(key, "key"),
        value == null ? Json.nodes().nullNode() : value.deepCopy());
  }

  /**
   * Returns the {@code requestState} for the next round: every answer so far and the stored values.
   */
  String nextState(RequestStates states, Instant now) {
    return states.sign(method, name, orEmpty(answers).deepCopy(), orEmpty(values).deepCopy(), now);
  }

  /** A map not made yet reads as an empty object. */
  private static ObjectNode orEmpty(ObjectNode node) {
    return node == null ? Json.object() : node;
  }

  private void requireCapability(InputRequest request) {
    if (unavailable != null) {
      throw new ToolException(
          "This call asks the client for input ('"
              + request.key()
              + "', "
              + request.method()
              + "), but "
              + unavailable);
    }
    if (capabilities == null || !capabilities.has(request.capability())) {
      ObjectNode data = Json.object();
      data.putObject("requiredCapabilities").putObject(request.capability());
      throw new ProtocolException(
          ProtocolException.MISSING_REQUIRED_CLIENT_CAPABILITY,
          ErrorKind.BAD_REQUEST,
          "This request needs the client capability '"
              + request.capability()
              + "' to ask for '"
              + request.key()
              + "' ("
              + request.method()
              + "), which the client did not declare in _meta[\"io.modelcontextprotocol/clientCapabilities\"].",
          data);
    }
  }
}
