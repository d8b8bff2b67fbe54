package dev.toolsmith.runtime.internal.protocol;

import dev.toolsmith.runtime.spi.ToolPack;
import java.util.List;

/**
 * Refuses, when a server is built, a tool pack compiled for an SPI level this runtime does not
 * implement: it would otherwise fail with a linkage error on its first call.
 */
final class PackCompatibility {
  private PackCompatibility() {}

  /**
   * Checks every pack's SPI level.
   *
   * @throws IllegalStateException naming the pack, its level and the runtime's, and what to do
   */
  static void check(List<ToolPack> packs) {
    for (ToolPack pack : packs) {
      int level = pack.spiLevel();
      if (level > ToolPack.SPI_LEVEL) {
        throw new IllegalStateException(
            "Tool pack "
                + pack.getClass().getName()
                + " was generated for Toolsmith SPI "
                + "level "
                + level
                + ", but this runtime implements "
                + levels()
                + ". Upgrade dev.toolsmith:toolsmith-core "
                + "(through dev.toolsmith:toolsmith-bom) to a version that implements level "
                + level
                + ".");
      }
      if (level < ToolPack.OLDEST_SUPPORTED_SPI_LEVEL) {
        throw new IllegalStateException(
            "Tool pack "
                + pack.getClass().getName()
                + " was generated for Toolsmith SPI "
                + "level "
                + level
                + ", which this runtime no longer serves; it implements "
                + levels()
                + ". Rebuild the "
                + "pack with a newer dev.toolsmith:mcp-processor, or use an older runtime.");
      }
    }
  }

  private static String levels() {
    return ToolPack.OLDEST_SUPPORTED_SPI_LEVEL == ToolPack.SPI_LEVEL
        ? "SPI level " + ToolPack.SPI_LEVEL
        : "SPI levels " + ToolPack.OLDEST_SUPPORTED_SPI_LEVEL + " to " + ToolPack.SPI_LEVEL;
  }
}
