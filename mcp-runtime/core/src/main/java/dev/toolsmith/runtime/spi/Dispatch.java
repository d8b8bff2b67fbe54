package dev.toolsmith.runtime.spi;

import java.util.ArrayList;
import java.util.List;

/** Helpers for the {@code switch}es in generated {@link ToolPack} methods. */
@UsedByGeneratedCode
public final class Dispatch {
  private Dispatch() {}

  /** Returns the exception for a name that matches none of a pack's tools, listing those it has. */
  public static IllegalArgumentException unknownTool(String name, List<ToolDescriptor> tools) {
    List<String> names = new ArrayList<>();
    for (ToolDescriptor tool : tools) {
      names.add(tool.name());
    }
    return new IllegalArgumentException(
        "Unknown tool '" + name + "'. Known tools: " + String.join(", ", names));
  }

  /** Returns the exception for a resource key a pack does not declare. */
  public static IllegalArgumentException unknownResource(String resource) {
    return new IllegalArgumentException("Unknown resource '" + resource + "'");
  }

  /** Returns the exception for a prompt name a pack does not declare. */
  public static IllegalArgumentException unknownPrompt(String prompt) {
    return new IllegalArgumentException("Unknown prompt '" + prompt + "'");
  }

  /**
   * Returns the key a generated {@code complete} switches on: {@code prompt:<name>#<argument>} or
   * {@code resource:<uriTemplate>#<variable>}.
   */
  public static String completionKey(CompletionRequest request) {
    return (request.prompt() ? "prompt:" : "resource:")
        + request.reference()
        + "#"
        + request.argument();
  }
}
