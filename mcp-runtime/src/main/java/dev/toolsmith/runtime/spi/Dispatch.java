package dev.toolsmith.runtime.spi;

import java.util.ArrayList;
import java.util.List;

/** Helpers for the {@code switch} in generated {@link ToolPack#call} methods. */
@UsedByGeneratedCode
public final class Dispatch {
  private Dispatch() {}

  /** Returns the exception for a name that matches none of a pack's tools, listing those it has. */
  public static IllegalArgumentException unknownTool(String name, List<ToolDescriptor> tools) {
    List<String> names = new ArrayList<>();
    for (ToolDescriptor tool : tools) {
      names.add(tool.name());
    }
    return new IllegalArgumentException("Unknown tool '" + name + "'. Known tools: " + String.join(", ", names));
  }
}
