package dev.toolsmith.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.session.SessionStore;
import dev.toolsmith.runtime.testing.CounterPack;
import dev.toolsmith.runtime.testing.EchoPack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client against a real engine, in both eras. */
class McpTestClientTest {
  private final McpServer server =
      McpServer.builder()
          .name("kit")
          .discoverTools(false)
          .tools(new EchoPack(), new CounterPack())
          .sessions(SessionStore.inMemory())
          .build();

  @Test
  void modern_listsAndCallsTools_withPlainJavaArguments() {
    McpTestClient client = McpTestClient.of(server);
    assertThat(client.toolNames()).contains("echo", "refuse", "increment_counter");
    assertThat(client.tool("echo").path("inputSchema").path("required").toString())
        .isEqualTo("[\"text\"]");
    assertThat(client.call("echo", Map.of("text", "hi")).assertOk().text()).isEqualTo("hi");
  }

  @Test
  void toolErrors_andRefusals_areTold_apart() {
    McpTestClient client = McpTestClient.of(server);
    client.call("refuse", Map.of()).assertToolError("Atlantis");
    ToolOutcome unknown = client.callJson("nope", "{}");
    assertThat(unknown.protocolError().path("message").asText()).contains("Unknown tool 'nope'");
    assertThatThrownBy(() -> client.call("refuse", Map.of()).assertOk())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("answered with a tool error: The city 'Atlantis' is not covered");
    assertThatThrownBy(() -> client.call("echo", Map.of("text", "hi")).assertToolError("x"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("got a result: hi");
  }

  @Test
  void handshake_carriesTheSessionTheServerStarted() {
    McpTestClient first = McpTestClient.handshake(server);
    McpTestClient second = McpTestClient.handshake(server);
    assertThat(first.call("increment_counter", Map.of()).assertOk().text()).isEqualTo("1");
    assertThat(first.call("increment_counter", Map.of()).assertOk().text()).isEqualTo("2");
    assertThat(second.call("increment_counter", Map.of()).assertOk().text()).isEqualTo("1");
  }

  @Test
  void aPack_isTestedWithoutBuildingAServer_inBothEras() {
    assertThat(McpTestClient.of(new EchoPack()).call("echo", Map.of("text", "a")).text())
        .isEqualTo("a");
    McpTestClient handshake = McpTestClient.handshake(new CounterPack());
    handshake.call("increment_counter", Map.of()).assertOk();
    assertThat(handshake.call("increment_counter", Map.of()).assertOk().text()).isEqualTo("2");
  }

  @Test
  void argumentsMarkedXMcpHeader_areMirroredIntoTheirHeaders_base64WhenNotPlainAscii() {
    McpTestClient client = McpTestClient.of(new RegionPack());
    assertThat(client.call("where", Map.of("region", "eu-west1")).assertOk().text())
        .isEqualTo("eu-west1");
    assertThat(client.call("where", Map.of("region", "Zürich")).assertOk().text())
        .isEqualTo("Zürich");
    assertThat(client.call("where", Map.of()).assertOk().text()).isEqualTo("");
  }

  /** One tool whose region travels again in the Mcp-Param-Region header. */
  static final class RegionPack implements dev.toolsmith.runtime.spi.ToolPack {
    @Override
    public List<dev.toolsmith.runtime.spi.ToolDescriptor> tools() {
      return List.of(
          dev.toolsmith.runtime.spi.ToolDescriptor.of(
              "where",
              "{\"name\":\"where\",\"inputSchema\":{\"type\":\"object\",\"properties\":"
                  + "{\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"}}}}"));
    }

    @Override
    public dev.toolsmith.runtime.ToolResult call(
        String tool, dev.toolsmith.runtime.spi.ToolCall call) {
      return dev.toolsmith.runtime.ToolResult.text(call.arguments().path("region").asText());
    }
  }

  @Test
  void arguments_nestMapsAndLists() {
    assertThat(
            JsonValues.toJson(Map.of("a", List.of(1, 2.5, "x", true), "b", Map.of("c", 3L)))
                .toString())
        .contains("\"a\":[1,2.5,\"x\",true]")
        .contains("\"b\":{\"c\":3}");
    assertThatThrownBy(() -> JsonValues.toJson(Map.of("t", new Thread())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot write a java.lang.Thread");
  }
}
