package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.Completion;
import dev.toolsmith.runtime.PromptResult;
import dev.toolsmith.runtime.ResourceContents;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.spi.CompletionRequest;
import dev.toolsmith.runtime.spi.PackDependencies;
import dev.toolsmith.runtime.spi.PromptCall;
import dev.toolsmith.runtime.spi.PromptDescriptor;
import dev.toolsmith.runtime.spi.ResourceCall;
import dev.toolsmith.runtime.spi.ResourceDescriptor;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a server reconciles packs it did not write: tools it leaves out, renames, and a prefix for
 * every tool of a pack class, applied before the duplicate-name check, so two packs that both
 * declare {@code search} can be served side by side. Costs nothing unless configured: packs without
 * a rule are served as they are.
 */
public final class ToolRenames {
  private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final Set<String> excluded = new HashSet<>();
  private final Map<String, String> renamed = new LinkedHashMap<>();
  private final Map<Class<?>, String> prefixes = new LinkedHashMap<>();

  /** Leaves a tool out, by the name its pack gives it. */
  public void exclude(String tool) {
    excluded.add(tool);
  }

  /** Serves a tool under another name, by the name its pack gives it. */
  public void rename(String tool, String newName) {
    requireToolName(newName, "renameTool's new name");
    renamed.put(tool, newName);
  }

  /** Prefixes the names of every tool of a pack class that is not renamed. */
  public void prefix(Class<? extends ToolPack> pack, String prefix) {
    requireToolName(prefix + "x", "prefixTools' prefix");
    prefixes.put(pack, prefix);
  }

  /**
   * Returns the packs with the rules applied.
   *
   * @throws IllegalArgumentException when a rule names a tool or pack that is not there, so a typo
   *     or a pack that dropped a tool fails the build instead of being ignored
   */
  public List<ToolPack> apply(List<ToolPack> packs) {
    if (excluded.isEmpty() && renamed.isEmpty() && prefixes.isEmpty()) {
      return packs;
    }
    Set<String> declared = new HashSet<>();
    Set<Class<?>> classes = new HashSet<>();
    List<ToolPack> applied = new ArrayList<>(packs.size());
    for (ToolPack pack : packs) {
      classes.add(pack.getClass());
      boolean ruled = prefixes.containsKey(pack.getClass());
      for (ToolDescriptor tool : pack.tools()) {
        declared.add(tool.name());
        ruled |= excluded.contains(tool.name()) || renamed.containsKey(tool.name());
      }
      applied.add(ruled ? new RenamedPack(pack, this) : pack);
    }
    requireDeclared(excluded, declared, "excludeTool");
    requireDeclared(renamed.keySet(), declared, "renameTool");
    for (Class<?> pack : prefixes.keySet()) {
      if (!classes.contains(pack)) {
        throw new IllegalArgumentException(
            "prefixTools names " + pack.getName() + ", which is not one of the server's packs.");
      }
    }
    return applied;
  }

  /** Returns the class name that messages give a pack: its own, also when the server renamed it. */
  static String nameOf(ToolPack pack) {
    return pack instanceof RenamedPack renamed
        ? renamed.pack.getClass().getName()
        : pack.getClass().getName();
  }

  /** Returns the name a pack's tool is served under, or {@code null} when it is left out. */
  String exposedName(ToolPack pack, String tool) {
    if (excluded.contains(tool)) {
      return null;
    }
    String name = renamed.get(tool);
    if (name != null) {
      return name;
    }
    String prefix = prefixes.get(pack.getClass());
    return prefix == null ? tool : prefix + tool;
  }

  private static void requireDeclared(Set<String> named, Set<String> declared, String rule) {
    for (String tool : named) {
      if (!declared.contains(tool)) {
        throw new IllegalArgumentException(
            rule
                + " names tool '"
                + tool
                + "', which no pack declares; the packs' tools are "
                + new java.util.TreeSet<>(declared)
                + ".");
      }
    }
  }

  private static void requireToolName(String name, String what) {
    if (name == null || !TOOL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " must make names matching ^[A-Za-z0-9_.-]{1,64}$, got '" + name + "'.");
    }
  }

  /** A pack whose tools are served under the names the rules give them. */
  private static final class RenamedPack implements ToolPack {
    private final ToolPack pack;
    private final List<ToolDescriptor> tools = new ArrayList<>();
    private final Map<String, String> originals = new HashMap<>();

    RenamedPack(ToolPack pack, ToolRenames rules) {
      this.pack = pack;
      for (ToolDescriptor tool : pack.tools()) {
        String name = rules.exposedName(pack, tool.name());
        if (name == null) {
          continue;
        }
        originals.put(name, tool.name());
        tools.add(name.equals(tool.name()) ? tool : renamed(tool, name));
      }
    }

    /** Returns the descriptor under another name: its JSON is rewritten once, when built. */
    private static ToolDescriptor renamed(ToolDescriptor tool, String name) {
      ObjectNode json;
      try {
        json = (ObjectNode) Json.parse(tool.json());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      json.put("name", name);
      String text = Json.toString(json);
      ToolDescriptor descriptor =
          tool.usesSession()
              ? ToolDescriptor.withSession(name, text)
              : ToolDescriptor.of(name, text);
      return tool.requiredScopes().isEmpty()
          ? descriptor
          : descriptor.requiringScopes(tool.requiredScopes().toArray(new String[0]));
    }

    @Override
    public int spiLevel() {
      return pack.spiLevel();
    }

    /** Itself: the server renames packs after it configured them. */
    @Override
    public ToolPack configure(PackDependencies dependencies) {
      return this;
    }

    @Override
    public String processorVersion() {
      return pack.processorVersion();
    }

    @Override
    public String coordinates() {
      return pack.coordinates();
    }

    @Override
    public List<ToolDescriptor> tools() {
      return tools;
    }

    @Override
    public ToolResult call(String tool, ToolCall call) throws Exception {
      return pack.call(originals.getOrDefault(tool, tool), call);
    }

    @Override
    public List<ResourceDescriptor> resources() {
      return pack.resources();
    }

    @Override
    public List<ResourceContents> read(String resource, ResourceCall call) throws Exception {
      return pack.read(resource, call);
    }

    @Override
    public List<PromptDescriptor> prompts() {
      return pack.prompts();
    }

    @Override
    public PromptResult prompt(String prompt, PromptCall call) throws Exception {
      return pack.prompt(prompt, call);
    }

    @Override
    public boolean completes() {
      return pack.completes();
    }

    @Override
    public Completion complete(CompletionRequest request) throws Exception {
      return pack.complete(request);
    }

    @Override
    public String toString() {
      return pack.getClass().getName() + " (tools renamed by the server)";
    }
  }
}
