package dev.toolsmith.runtime.internal.protocol;

import dev.toolsmith.runtime.spi.ToolPack;
import java.util.List;

/**
 * Everything a server serves, indexed once when it is built: tools, resources and prompts, and
 * whether anything completes arguments.
 */
public final class Catalog {
  private final ToolRegistry tools;
  private final ResourceRegistry resources;
  private final PromptRegistry prompts;
  private final Capabilities capabilities;

  /**
   * Indexes the packs.
   *
   * @throws IllegalArgumentException when two packs declare the same tool, resource or prompt
   * @throws IllegalStateException when a pack was compiled for an SPI level this runtime lacks
   */
  public Catalog(List<ToolPack> packs) {
    for (ToolPack pack : packs) {
      int level = pack.spiLevel();
      if (level > ToolPack.SPI_LEVEL || level < ToolPack.OLDEST_SUPPORTED_SPI_LEVEL) {
        throw PackCompatibility.refusal(pack, level);
      }
    }
    this.tools = new ToolRegistry(packs);
    this.resources = new ResourceRegistry(packs);
    this.prompts = new PromptRegistry(packs);
    boolean completes = false;
    for (ToolPack pack : packs) {
      completes |= pack.completes();
    }
    this.capabilities =
        new Capabilities(
            !tools.isEmpty(),
            !resources.isEmpty(),
            !prompts.isEmpty(),
            completes,
            tools.runsTasks());
  }

  /** Returns the tools. */
  public ToolRegistry tools() {
    return tools;
  }

  ResourceRegistry resources() {
    return resources;
  }

  PromptRegistry prompts() {
    return prompts;
  }

  Capabilities capabilities() {
    return capabilities;
  }
}
