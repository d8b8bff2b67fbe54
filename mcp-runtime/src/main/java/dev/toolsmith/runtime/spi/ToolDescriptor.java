package dev.toolsmith.runtime.spi;

import dev.toolsmith.runtime.json.Json;
import java.util.Objects;

/**
 * A tool as {@code tools/list} shows it: its name and its description object as JSON text.
 *
 * <p>Generated code keeps the description as an indented text block so it reads well in source;
 * {@link #json()} turns it into compact wire form the first time it is asked for, not at start-up,
 * so start-up cost does not grow with the number of tools.
 */
@UsedByGeneratedCode
public final class ToolDescriptor {
  private final String name;
  private final String sourceJson;
  private volatile String json;

  private ToolDescriptor(String name, String sourceJson) {
    this.name = Objects.requireNonNull(name, "name");
    this.sourceJson = Objects.requireNonNull(sourceJson, "json");
  }

  /**
   * Returns a descriptor.
   *
   * @param name the tool's name, as in the JSON
   * @param json the tool's {@code tools/list} entry: a JSON object with {@code name},
   *     {@code inputSchema} and optionally {@code title}, {@code description}, {@code outputSchema},
   *     {@code annotations}
   */
  public static ToolDescriptor of(String name, String json) {
    return new ToolDescriptor(name, json);
  }

  /** Returns the tool's name. */
  public String name() {
    return name;
  }

  /** Returns the tool's {@code tools/list} entry as compact JSON text. */
  public String json() {
    String compact = json;
    if (compact == null) {
      compact = Json.minify(sourceJson);
      json = compact;
    }
    return compact;
  }

  @Override
  public String toString() {
    return "ToolDescriptor{" + name + "}";
  }
}
