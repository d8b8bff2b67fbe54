package dev.toolsmith.runtime.spi;

import dev.toolsmith.runtime.internal.json.Json;
import java.util.Objects;

/**
 * JSON text kept as generated code writes it (an indented text block that reads well in source) and
 * minified into wire form the first time it is asked for, not at start-up, so start-up cost does
 * not grow with the number of tools, resources and prompts.
 */
final class MinifiedJson {
  private final String source;
  private volatile String compact;

  MinifiedJson(String source) {
    this.source = Objects.requireNonNull(source, "json");
  }

  /** Returns the JSON as compact text. */
  String get() {
    String minified = compact;
    if (minified == null) {
      minified = Json.minify(source);
      compact = minified;
    }
    return minified;
  }
}
