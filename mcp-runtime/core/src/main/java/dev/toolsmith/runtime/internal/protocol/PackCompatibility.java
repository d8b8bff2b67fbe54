package dev.toolsmith.runtime.internal.protocol;

import dev.toolsmith.runtime.spi.ToolPack;

/**
 * Words the refusal of a tool pack compiled for an SPI level this runtime does not implement, which
 * {@link Catalog} throws when a server is built: the pack would otherwise fail with a linkage error
 * on its first call. Loaded only then, so a cold start that refuses nothing does not pay for it.
 */
final class PackCompatibility {
  private PackCompatibility() {}

  /** Returns the refusal of a pack of an SPI level this runtime does not implement. */
  static IllegalStateException refusal(ToolPack pack, int level) {
    String name = ToolRenames.nameOf(pack);
    if (level > ToolPack.SPI_LEVEL) {
      return new IllegalStateException(
          "Tool pack "
              + name
              + " was generated for Toolsmith SPI level "
              + level
              + ", but this runtime implements "
              + levels()
              + ". Upgrade dev.toolsmith:toolsmith-core (through "
              + "dev.toolsmith:toolsmith-bom) to a version that implements level "
              + level
              + ".");
    }
    return new IllegalStateException(
        "Tool pack "
            + name
            + " was generated for Toolsmith SPI level "
            + level
            + ", which this runtime no longer serves; it implements "
            + levels()
            + ". Rebuild the pack with a newer "
            + "dev.toolsmith:mcp-processor, or use an older runtime.");
  }

  private static String levels() {
    return ToolPack.OLDEST_SUPPORTED_SPI_LEVEL == ToolPack.SPI_LEVEL
        ? "SPI level " + ToolPack.SPI_LEVEL
        : "SPI levels " + ToolPack.OLDEST_SUPPORTED_SPI_LEVEL + " to " + ToolPack.SPI_LEVEL;
  }
}
