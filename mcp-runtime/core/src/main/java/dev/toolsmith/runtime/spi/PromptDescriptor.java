package dev.toolsmith.runtime.spi;

import java.util.List;
import java.util.Objects;

/**
 * A prompt as {@code prompts/list} shows it: its name, the arguments it requires, and its list
 * entry as JSON text.
 */
@UsedByGeneratedCode
public final class PromptDescriptor {
  private final String name;
  private final List<String> required;
  private final MinifiedJson json;
  private final List<String> requiredScopes;

  private PromptDescriptor(
      String name, List<String> required, MinifiedJson json, List<String> requiredScopes) {
    this.name = Objects.requireNonNull(name, "name");
    this.required = List.copyOf(required);
    this.json = json;
    this.requiredScopes = List.copyOf(requiredScopes);
  }

  /**
   * Returns this descriptor for a prompt only callers granted every one of these OAuth scopes may
   * get.
   */
  public PromptDescriptor requiringScopes(String... scopes) {
    return new PromptDescriptor(name, required, json, List.of(scopes));
  }

  /** Returns the scopes a caller needs, empty when anyone may get the prompt. */
  public List<String> requiredScopes() {
    return requiredScopes;
  }

  /**
   * Returns a descriptor.
   *
   * @param name the prompt's name, as in the JSON
   * @param required the arguments a {@code prompts/get} must give; a missing one is refused with
   *     -32602 before the prompt runs
   * @param json the {@code prompts/list} entry: {@code name} and optionally {@code title}, {@code
   *     description} and {@code arguments}
   */
  public static PromptDescriptor of(String name, List<String> required, String json) {
    return new PromptDescriptor(name, required, new MinifiedJson(json), List.of());
  }

  /** Returns the prompt's name. */
  public String name() {
    return name;
  }

  /** Returns the arguments every {@code prompts/get} must give. */
  public List<String> requiredArguments() {
    return required;
  }

  /** Returns the list entry as compact JSON text, minified on first use. */
  public String json() {
    return json.get();
  }

  @Override
  public String toString() {
    return "PromptDescriptor{" + name + "}";
  }
}
