package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.spi.CompletionRequest;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code completion/complete}: finds the pack that owns the prompt or template, and asks it. */
final class Completions {
  private Completions() {}

  /** Answers a {@code completion/complete} request. */
  static Result complete(JsonRpcMessage.Request request, Catalog catalog) {
    JsonNode ref = request.param("ref");
    JsonNode argument = request.param("argument");
    String type = ref == null ? "" : ref.path("type").asText();
    boolean prompt = type.equals("ref/prompt");
    if (!prompt && !type.equals("ref/resource")) {
      throw ProtocolException.invalidParams(
          "completion/complete needs \"params.ref\" of type \"ref/prompt\" (with a name) "
              + "or \"ref/resource\" (with a uri).");
    }
    String reference = ref.path(prompt ? "name" : "uri").asText("");
    if (argument == null || !argument.path("name").isTextual()) {
      throw ProtocolException.invalidParams(
          "completion/complete needs \"params.argument\" with the name and value being typed.");
    }
    ToolPack pack =
        prompt
            ? catalog.prompts().packFor(reference)
            : catalog.resources().packForTemplate(reference);
    if (pack == null) {
      throw ProtocolException.invalidParams(
          prompt
              ? "No prompt named '" + reference + "' to complete an argument of."
              : "No resource template '"
                  + reference
                  + "' to complete a variable of; pass the uriTemplate as "
                  + "resources/templates/list gives it.");
    }
    Map<String, String> context = new LinkedHashMap<>();
    JsonNode given =
        request.param("context") == null ? null : request.param("context").get("arguments");
    if (given != null && given.isObject()) {
      for (Map.Entry<String, JsonNode> field : given.properties()) {
        context.put(field.getKey(), field.getValue().asText());
      }
    }
    try {
      return new Result.CompletionResult(
          pack.complete(
              new CompletionRequest(
                  prompt,
                  reference,
                  argument.path("name").textValue(),
                  argument.path("value").asText(""),
                  context)));
    } catch (ProtocolException e) {
      throw e;
    } catch (Exception | LinkageError | AssertionError e) {
      throw InternalErrors.protocolError(
          "Completing '" + argument.path("name").textValue() + "' of '" + reference + "'", e);
    }
  }
}
