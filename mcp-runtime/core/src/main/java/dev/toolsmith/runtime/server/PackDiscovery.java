package dev.toolsmith.runtime.server;

import dev.toolsmith.runtime.spi.ToolPack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** Finds the tool packs listed in {@code META-INF/services} on the class path. */
final class PackDiscovery {
  private PackDiscovery() {}

  /**
   * Why a server found nothing to serve: almost always a build that did not run the processor,
   * which compiles the tool classes but generates no pack and no services entry.
   */
  static final String NO_PACKS =
      "The server has no tools, resources or prompts: no tool pack was added with tools(...) and "
          + "none is listed in META-INF/services/"
          + ToolPack.class.getName()
          + " on the class path. The usual cause is that the Toolsmith annotation processor did "
          + "not run: with Maven, list dev.toolsmith:mcp-processor under the "
          + "maven-compiler-plugin's <annotationProcessorPaths> (and pin the plugin's version); "
          + "with Gradle, add it to annotationProcessor; a shaded jar must merge service files. "
          + "Call discoverTools(false) for a server that is deliberately empty.";

  /**
   * Returns the packs listed in {@code META-INF/services}, ordered by class name, skipping classes
   * already added explicitly or excluded without creating them: a pack the user built with its own
   * arguments, or left out, is never built by {@code ServiceLoader}. Plain loops, no lambdas: this
   * runs in every cold start, and only a server with explicit or excluded packs pays for the
   * provider stream.
   */
  static List<ToolPack> discover(List<ToolPack> explicit, Set<Class<? extends ToolPack>> excluded) {
    ServiceLoader<ToolPack> loader =
        ServiceLoader.load(ToolPack.class, McpServer.class.getClassLoader());
    TreeMap<String, ToolPack> found = new TreeMap<>();
    if (explicit.isEmpty() && excluded.isEmpty()) {
      for (ToolPack pack : loader) {
        found.putIfAbsent(pack.getClass().getName(), pack);
      }
      return new ArrayList<>(found.values());
    }
    Set<String> added = new HashSet<>();
    for (ToolPack pack : explicit) {
      added.add(pack.getClass().getName());
    }
    for (Class<? extends ToolPack> pack : excluded) {
      added.add(pack.getName());
    }
    for (Iterator<ServiceLoader.Provider<ToolPack>> providers = loader.stream().iterator();
        providers.hasNext(); ) {
      ServiceLoader.Provider<ToolPack> provider = providers.next();
      if (added.add(provider.type().getName())) {
        found.put(provider.type().getName(), provider.get());
      }
    }
    return new ArrayList<>(found.values());
  }
}
