package dev.toolsmith.runtime.internal.protocol;

import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tool the server serves, in a fixed order, with the pack that calls each.
 *
 * <p>Built once when the server is built; lookups on the request path are one hash-map read. The
 * order is the order packs were given in, then each pack's source order, so {@code tools/list}
 * is the same on every call and every instance.
 */
public final class ToolRegistry {
  private final List<ToolDescriptor> tools;
  private final Map<String, ToolPack> packsByTool;
  private final Map<String, ToolDescriptor> descriptors;
  private final boolean usesSessions;
  private final String knownNames;

  /**
   * Returns a registry of the packs' tools.
   *
   * @throws IllegalArgumentException when two packs declare the same tool name
   */
  public ToolRegistry(List<ToolPack> packs) {
    List<ToolDescriptor> all = new ArrayList<>();
    Map<String, ToolPack> byTool = new HashMap<>();
    for (ToolPack pack : packs) {
      for (ToolDescriptor tool : pack.tools()) {
        ToolPack previous = byTool.putIfAbsent(tool.name(), pack);
        if (previous != null) {
          throw new IllegalArgumentException("Tool '" + tool.name() + "' is declared by both "
              + previous.getClass().getName() + " and " + pack.getClass().getName()
              + ". Tool names must be unique in a server; rename one with @McpTool(name = \"...\").");
        }
        all.add(tool);
      }
    }
    this.tools = List.copyOf(all);
    this.packsByTool = Map.copyOf(byTool);
    Map<String, ToolDescriptor> byName = new HashMap<>();
    List<String> names = new ArrayList<>();
    boolean anySession = false;
    for (ToolDescriptor tool : all) {
      byName.put(tool.name(), tool);
      names.add(tool.name());
      anySession |= tool.usesSession();
    }
    this.descriptors = Map.copyOf(byName);
    this.usesSessions = anySession;
    this.knownNames = names.isEmpty() ? "(none)" : String.join(", ", names);
  }

  /** Returns all tools, in list order. */
  public List<ToolDescriptor> tools() {
    return tools;
  }

  /** Returns whether any tool takes a session. */
  public boolean usesSessions() {
    return usesSessions;
  }

  /** Returns the descriptor of a tool {@link #packFor} found. */
  ToolDescriptor descriptor(String name) {
    return descriptors.get(name);
  }

  /** Returns whether there are no tools. */
  public boolean isEmpty() {
    return tools.isEmpty();
  }

  /**
   * Returns the pack that serves a tool.
   *
   * @throws ProtocolException -32602 naming the known tools when there is no such tool
   */
  public ToolPack packFor(String name) {
    ToolPack pack = packsByTool.get(name);
    if (pack == null) {
      throw ProtocolException.invalidParams("Unknown tool '" + name + "'. Known tools: " + knownNames + ".");
    }
    return pack;
  }

  /**
   * Returns one page of tools.
   *
   * @param cursor the {@code cursor} a previous page returned, or {@code null} for the first page
   * @param pageSize the most tools on a page
   * @throws ProtocolException -32602 when the cursor is not one this server issued
   */
  Paging.Page<ToolDescriptor> page(String cursor, int pageSize) {
    return Paging.page("tools", tools, cursor, pageSize);
  }
}
