package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.InvalidArgumentsException;
import dev.toolsmith.runtime.PromptResult;
import dev.toolsmith.runtime.spi.PromptCall;
import dev.toolsmith.runtime.spi.PromptDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every prompt the server serves, with the pack that renders each, and the rendering itself. */
public final class PromptRegistry {
  private final List<PromptDescriptor> prompts = new ArrayList<>();
  private final Map<String, PromptDescriptor> byName = new HashMap<>();
  private final Map<String, ToolPack> packsByName = new HashMap<>();

  /**
   * Returns a registry of the packs' prompts.
   *
   * @throws IllegalArgumentException when two packs declare the same prompt name
   */
  public PromptRegistry(List<ToolPack> packs) {
    for (ToolPack pack : packs) {
      for (PromptDescriptor prompt : pack.prompts()) {
        ToolPack previous = packsByName.putIfAbsent(prompt.name(), pack);
        if (previous != null) {
          throw new IllegalArgumentException(
              "Prompt '"
                  + prompt.name()
                  + "' is declared by both "
                  + ToolRenames.nameOf(previous)
                  + " and "
                  + ToolRenames.nameOf(pack)
                  + ". Prompt names must be unique in a server; rename one with @McpPrompt(name = \"...\").");
        }
        prompts.add(prompt);
        byName.put(prompt.name(), prompt);
      }
    }
  }

  private String knownNames() {
    List<String> names = new ArrayList<>();
    for (PromptDescriptor prompt : prompts) {
      names.add(prompt.name());
    }
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }

  /** Returns whether there are no prompts. */
  public boolean isEmpty() {
    return prompts.isEmpty();
  }

  /** Returns the pack that declares a prompt, or {@code null}. */
  ToolPack packFor(String name) {
    return packsByName.get(name);
  }

  Paging.Page<PromptDescriptor> page(String cursor, int pageSize) {
    return Paging.page("prompts", prompts, cursor, pageSize);
  }

  /**
   * Renders a prompt.
   *
   * @param arguments the {@code arguments} object, or {@code null}
   * @throws ProtocolException -32602 for an unknown prompt, a missing required argument or a
   *     non-string argument; -32603 naming an error id when the prompt method fails
   */
  PromptResult render(String name, JsonNode arguments, CallContext context) {
    PromptDescriptor prompt = byName.get(name);
    if (prompt == null) {
      throw ProtocolException.invalidParams(
          "Unknown prompt '" + name + "'. Known prompts: " + knownNames() + ".");
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (arguments != null && !arguments.isNull()) {
      if (!arguments.isObject()) {
        throw ProtocolException.invalidParams(
            "\"params.arguments\" of prompts/get must be an object of argument names "
                + "to strings.");
      }
      for (Map.Entry<String, JsonNode> field : arguments.properties()) {
        if (!field.getValue().isTextual()) {
          throw ProtocolException.invalidParams(
              "Prompt argument '"
                  + field.getKey()
                  + "' must be a string (MCP prompt "
                  + "arguments are strings), got "
                  + dev.toolsmith.runtime.internal.json.Json.preview(field.getValue())
                  + ".");
        }
        values.put(field.getKey(), field.getValue().textValue());
      }
    }
    InsufficientScopeException.check("Prompt", name, prompt.requiredScopes(), context.identity());
    for (String required : prompt.requiredArguments()) {
      if (!values.containsKey(required)) {
        throw ProtocolException.invalidParams(
            "Prompt '"
                + name
                + "' needs the argument '"
                + required
                + "'; add it to "
                + "\"params.arguments\".");
      }
    }
    try {
      return packsByName.get(name).prompt(name, PromptCall.of(values, context));
    } catch (InvalidArgumentsException e) {
      throw ProtocolException.invalidParams(
          "Invalid arguments for prompt '" + name + "':\n" + e.getMessage());
    } catch (ProtocolException e) {
      throw e;
    } catch (Exception | LinkageError | AssertionError e) {
      throw InternalErrors.protocolError("Prompt '" + name + "'", e);
    }
  }
}
