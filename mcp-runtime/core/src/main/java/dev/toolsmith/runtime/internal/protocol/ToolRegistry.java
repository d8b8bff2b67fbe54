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
 * order is the order packs were given in, then each pack's source order, so {@code tools/list} is
 * the same on every call and every instance.
 */
public final class ToolRegistry {
  private final List<ToolDescriptor> tools;
  private final Map<String, Entry> entries;
  private final boolean usesSessions;
  private final boolean runsTasks;
  private final String knownNames;
  private final ParamHeaders paramHeaders;

  /**
   * Returns a registry of the packs' tools.
   *
   * @throws IllegalArgumentException when two packs declare the same tool name
   */
  public ToolRegistry(List<ToolPack> packs) {
    List<ToolDescriptor> all = new ArrayList<>();
    Map<String, Entry> byName = new HashMap<>();
    List<String> names = new ArrayList<>();
    boolean anySession = false;
    boolean anyTask = false;
    for (ToolPack pack : packs) {
      for (ToolDescriptor tool : pack.tools()) {
        Entry previous = byName.putIfAbsent(tool.name(), new Entry(tool, pack));
        if (previous != null) {
          throw new IllegalArgumentException(
              "Tool '"
                  + tool.name()
                  + "' is declared by both "
                  + ToolRenames.nameOf(previous.pack())
                  + " and "
                  + ToolRenames.nameOf(pack)
                  + ". Tool names must be unique in a server: rename one in its pack with @McpTool(name ="
                  + " \"...\"), or on the server with McpServer.builder().renameTool(\""
                  + tool.name()
                  + "\", \"...\"), prefixTools(<pack class>.class, \"prefix_\") or excludeTool(\""
                  + tool.name()
                  + "\").");
        }
        all.add(tool);
        names.add(tool.name());
        anySession |= tool.usesSession();
        anyTask |= tool.runsAsTask();
      }
    }
    this.tools = List.copyOf(all);
    this.entries = Map.copyOf(byName);
    this.usesSessions = anySession;
    this.runsTasks = anyTask;
    this.knownNames = names.isEmpty() ? "(none)" : String.join(", ", names);
    this.paramHeaders = new ParamHeaders(this.tools);
  }

  /** Returns the arguments each tool mirrors into {@code Mcp-Param-*} headers. */
  public ParamHeaders paramHeaders() {
    return paramHeaders;
  }

  /** Returns all tools, in list order. */
  public List<ToolDescriptor> tools() {
    return tools;
  }

  /** Returns whether any tool takes a session. */
  public boolean usesSessions() {
    return usesSessions;
  }

  /** Returns whether any tool may run as a task ({@code @McpTask}). */
  public boolean runsTasks() {
    return runsTasks;
  }

  /** Returns whether there are no tools. */
  public boolean isEmpty() {
    return tools.isEmpty();
  }

  /**
   * Returns a tool's descriptor and the pack that calls it, in one lookup.
   *
   * @throws ProtocolException -32602 naming the known tools when there is no such tool
   */
  Entry find(String name) {
    Entry entry = entries.get(name);
    if (entry == null) {
      throw ProtocolException.invalidParams(
          "Unknown tool '" + name + "'. Known tools: " + knownNames + ".");
    }
    return entry;
  }

  /**
   * A served tool: what {@code tools/list} shows of it, and the pack whose {@code call} runs it.
   */
  record Entry(ToolDescriptor descriptor, ToolPack pack) {}

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
