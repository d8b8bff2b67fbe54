package dev.toolsmith.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.Objects;

/**
 * Something a tool, prompt or resource asks the client for in the middle of a request (2026-07-28
 * multi-round-trip requests): a form the user fills in, a completion from the client's model, or
 * the client's roots. Each has a key that names its answer.
 *
 * @param key the name of the answer in the client's {@code inputResponses}
 * @param method the client method that produces the answer: {@code elicitation/create}, {@code
 *     sampling/createMessage} or {@code roots/list}
 * @param params that method's params
 * @param capability the client capability the method needs
 */
public record InputRequest(String key, String method, ObjectNode params, String capability) {
  public InputRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(capability, "capability");
  }

  /**
   * Asks the user to fill in a form.
   *
   * @param requestedSchema a flat JSON object schema of the fields, such as {@code
   *     {"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}}
   */
  public static InputRequest elicitation(String key, String message, ObjectNode requestedSchema) {
    ObjectNode params = Json.object();
    params.put("mode", "form");
    params.put("message", message);
    params.set("requestedSchema", requestedSchema.deepCopy());
    return new InputRequest(key, "elicitation/create", params, "elicitation");
  }

  /** Asks the client's model to answer one user message, in at most {@code maxTokens} tokens. */
  public static InputRequest sampling(String key, String prompt, int maxTokens) {
    ObjectNode params = Json.object();
    ArrayNode messages = params.putArray("messages");
    ObjectNode message = messages.addObject();
    message.put("role", "user");
    message.putObject("content").put("type", "text").put("text", prompt);
    params.put("maxTokens", maxTokens);
    return new InputRequest(key, "sampling/createMessage", params, "sampling");
  }

  /** Asks the client for its roots: the directories or files the user has shared. */
  public static InputRequest roots(String key) {
    return new InputRequest(key, "roots/list", Json.object(), "roots");
  }
}
