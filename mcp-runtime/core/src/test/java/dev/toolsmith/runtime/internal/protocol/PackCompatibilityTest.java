package dev.toolsmith.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import dev.toolsmith.runtime.testing.EchoPack;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pack compiled for an SPI level the runtime lacks is refused when the server is built. */
class PackCompatibilityTest {

  @Test
  void packFromANewerProcessor_isRefusedAtBuild_namingThePackAndBothLevels() {
    ToolPack newer = atLevel(ToolPack.SPI_LEVEL + 1);
    assertThatThrownBy(
            () -> McpServer.builder().name("s").discoverTools(false).tools(newer).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(newer.getClass().getName())
        .hasMessageContaining("SPI level " + (ToolPack.SPI_LEVEL + 1))
        .hasMessageContaining("this runtime implements SPI level")
        .hasMessageContaining(String.valueOf(ToolPack.SPI_LEVEL))
        .hasMessageContaining("Upgrade dev.toolsmith:toolsmith-core");
  }

  @Test
  void packFromAProcessorOlderThanTheRuntimeServes_isRefusedAtBuild() {
    ToolPack older = atLevel(ToolPack.OLDEST_SUPPORTED_SPI_LEVEL - 1);
    assertThatThrownBy(
            () -> McpServer.builder().name("s").discoverTools(false).tools(older).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no longer serves")
        .hasMessageContaining("Rebuild the pack with a newer dev.toolsmith:mcp-processor");
  }

  /** Returns the echo pack as a pack compiled for another SPI level would report itself. */
  private static ToolPack atLevel(int level) {
    ToolPack echo = new EchoPack();
    return new ToolPack() {
      @Override
      public int spiLevel() {
        return level;
      }

      @Override
      public List<ToolDescriptor> tools() {
        return echo.tools();
      }

      @Override
      public ToolResult call(String tool, ToolCall call) throws Exception {
        return echo.call(tool, call);
      }
    };
  }

  @Test
  void packOfThisLevel_isServed() {
    assertThat(
            McpServer.builder()
                .name("s")
                .discoverTools(false)
                .tools(new EchoPack())
                .build()
                .toolNames())
        .contains("echo");
  }
}
