package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.InputRequest;
import dev.toolsmith.runtime.Inputs;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Inputs} of a handshake-era request on a transport that holds its stream: each ask goes
 * to the client as a server-to-client request, and the run waits for the answer instead of ending.
 * The method runs once, so values it stores live only for this run.
 */
final class HeldInputs implements Inputs {
  private final ClientChannel channel;

  /** What the method stored, made on the first store: most calls store nothing. */
  private Map<String, JsonNode> values = Map.of();

  HeldInputs(ClientChannel channel) {
    this.channel = channel;
  }

  @Override
  public JsonNode get(InputRequest request) {
    return getAll(request).get(request.key());
  }

  @Override
  public Map<String, JsonNode> getAll(InputRequest... requests) {
    List<InputRequest> asked = new ArrayList<>(requests.length);
    for (InputRequest request : requests) {
      asked.add(Objects.requireNonNull(request, "request"));
    }
    List<JsonNode> answers = channel.ask(asked);
    Map<String, JsonNode> found = new LinkedHashMap<>();
    for (int i = 0; i < asked.size(); i++) {
      found.put(asked.get(i).key(), answers.get(i));
    }
    return found;
  }

  @Override
  public Optional<JsonNode> state(String key) {
    JsonNode value = values.get(key);
    return value == null ? Optional.empty() : Optional.of(value.deepCopy());
  }

  @Override
  public void putState(String key, JsonNode value) {
    if (values.isEmpty()) {
      values = new LinkedHashMap<>();
    }
    values.put(
        Objects.requireNonNull(key, "key"),
        value == null ? Json.nodes().nullNode() : value.deepCopy());
  }
}
