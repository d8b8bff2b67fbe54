package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * What a server advertises in {@code initialize} and {@code server/discover}: exactly the features
 * it has handlers for. {@code tools.listChanged} and {@code resources.subscribe} are advertised
 * only to a handshake-era client with a session on a transport that holds streams, the one place
 * they can be delivered (on the session's {@code GET} stream). The tasks extension ({@code
 * extensions["io.modelcontextprotocol/tasks"]}) is advertised only on the 2026-07-28 wire, where it
 * is defined, and only when some tool may run as a task.
 */
record Capabilities(
    boolean tools, boolean resources, boolean prompts, boolean completions, boolean tasks) {

  /**
   * Writes the capabilities object.
   *
   * @param legacy whether for a handshake-era {@code initialize}, which also advertises {@code
   *     logging} (2026-07-28 replaced it with a per-request log level)
   */
  void write(JsonGenerator gen, boolean legacy) throws IOException {
    write(gen, legacy, false);
  }

  /**
   * Writes the capabilities object, with {@code tools.listChanged} and {@code resources.subscribe}
   * when {@code serverEvents}: the client's session can hold a stream for server notifications.
   */
  void write(JsonGenerator gen, boolean legacy, boolean serverEvents) throws IOException {
    gen.writeObjectFieldStart("capabilities");
    empty(gen, "logging", legacy);
    flagged(gen, "tools", tools, "listChanged", serverEvents);
    flagged(gen, "resources", resources, "subscribe", serverEvents);
    empty(gen, "prompts", prompts);
    empty(gen, "completions", completions);
    if (tasks && !legacy) {
      gen.writeObjectFieldStart("extensions");
      empty(gen, TaskEngine.EXTENSION, true);
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  private static void flagged(
      JsonGenerator gen, String name, boolean present, String flag, boolean on) throws IOException {
    if (present) {
      gen.writeObjectFieldStart(name);
      if (on) {
        gen.writeBooleanField(flag, true);
      }
      gen.writeEndObject();
    }
  }

  private static void empty(JsonGenerator gen, String name, boolean present) throws IOException {
    if (present) {
      gen.writeObjectFieldStart(name);
      gen.writeEndObject();
    }
  }

  /**
   * Returns whether a feature is advertised; {@code NONE}, the protocol's own methods, always is.
   */
  boolean has(Route.Feature feature) {
    // An if-chain, not a switch on the enum: that would load a synthetic class on every cold start.
    if (feature == Route.Feature.TOOLS) {
      return tools;
    }
    if (feature == Route.Feature.RESOURCES) {
      return resources;
    }
    if (feature == Route.Feature.PROMPTS) {
      return prompts;
    }
    if (feature == Route.Feature.TASKS) {
      return tasks;
    }
    return feature != Route.Feature.COMPLETIONS || completions;
  }

  /** Returns the feature methods served in both eras, for error messages. */
  String methods() {
    StringBuilder methods = new StringBuilder();
    if (tools) {
      methods.append(", tools/list, tools/call");
    }
    if (resources) {
      methods.append(", resources/list, resources/templates/list, resources/read");
    }
    if (prompts) {
      methods.append(", prompts/list, prompts/get");
    }
    if (completions) {
      methods.append(", completion/complete");
    }
    return methods.toString();
  }
}
