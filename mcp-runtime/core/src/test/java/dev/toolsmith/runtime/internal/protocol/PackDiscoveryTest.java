package dev.toolsmith.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.server.McpServer;
import org.junit.jupiter.api.Test;

/**
 * A server that discovers nothing says why: a build without the annotation processor compiles the
 * tool classes but leaves no pack, and used to start silently with no tools at all.
 */
class PackDiscoveryTest {

  @Test
  void discoveringNothing_failsTheBuild_namingTheProcessorPath() {
    // This module's tests run no processor, so its class path lists no packs.
    assertThatThrownBy(() -> McpServer.builder().name("empty").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The server has no tools, resources or prompts")
        .hasMessageContaining("META-INF/services/dev.toolsmith.runtime.spi.ToolPack")
        .hasMessageContaining("<annotationProcessorPaths>")
        .hasMessageContaining("annotationProcessor")
        .hasMessageContaining("discoverTools(false)");
  }

  @Test
  void aDeliberatelyEmptyServer_builds() {
    assertThat(McpServer.builder().name("empty").discoverTools(false).build().toolNames())
        .isEmpty();
  }
}
