package dev.toolsmith.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.runtime.testing.Mcp;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two packs that both declare {@code echo}, reconciled on the server: prefix, rename, exclude. */
class ToolRenamesTest {

  /** Another vendor's pack: a different class whose tools have the same names as EchoPack's. */
  static final class OtherEcho implements ToolPack {
    private final EchoPack echo = new EchoPack();

    @Override
    public List<ToolDescriptor> tools() {
      return echo.tools();
    }

    @Override
    public ToolResult call(String tool, ToolCall call) throws Exception {
      ToolResult result = echo.call(tool, call);
      return tool.equals("echo") ? ToolResult.text("other: " + text(result)) : result;
    }
  }

  @Test
  void clashingNames_failTheBuild_namingBothPacksAndTheServerSideFixes() {
    assertThatThrownBy(() -> builder().tools(new EchoPack(), new OtherEcho()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Tool 'echo' is declared by both " + EchoPack.class.getName())
        .hasMessageContaining(OtherEcho.class.getName())
        .hasMessageContaining("renameTool(\"echo\", \"...\")")
        .hasMessageContaining("prefixTools(<pack class>.class, \"prefix_\")")
        .hasMessageContaining("excludeTool(\"echo\")");
  }

  @Test
  void prefix_servesBothPacks_andCallsReachTheRightOne() throws Exception {
    McpServer server =
        builder()
            .tools(new EchoPack(), new OtherEcho())
            .prefixTools(OtherEcho.class, "other_")
            .build();
    assertThat(server.toolNames())
        .contains("echo", "other_echo", "other_refuse")
        .doesNotContain("other_other_echo");
    assertThat(callText(server, "echo")).isEqualTo("hi");
    assertThat(callText(server, "other_echo")).isEqualTo("other: hi");
    JsonNode listed = toolsList(server);
    assertThat(listed.toString()).contains("\"name\":\"other_echo\"");
  }

  @Test
  void rename_servesTheToolUnderTheNewNameOnly_andExcludeLeavesItOut() throws Exception {
    McpServer server =
        builder().tools(new EchoPack()).renameTool("echo", "say").excludeTool("crash").build();
    assertThat(server.toolNames()).contains("say", "refuse").doesNotContain("echo", "crash");
    assertThat(callText(server, "say")).isEqualTo("hi");
    JsonNode unknown = result(server, "echo");
    assertThat(unknown.path("error").path("message").asText()).contains("Unknown tool 'echo'");
  }

  @Test
  void rulesThatMatchNothing_orMakeBadNames_failWithWhatIsThere() {
    assertThatThrownBy(() -> builder().tools(new EchoPack()).excludeTool("ecko").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("excludeTool names tool 'ecko', which no pack declares")
        .hasMessageContaining("echo");
    assertThatThrownBy(() -> builder().renameTool("echo", "has space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("^[A-Za-z0-9_.-]{1,64}$");
    assertThatThrownBy(
            () -> builder().tools(new EchoPack()).prefixTools(OtherEcho.class, "o_").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not one of the server's packs");
  }

  @Test
  void theRenamingWrapper_forwardsEveryMethodOfTheSpi() throws Exception {
    Class<?> wrapper = Class.forName(ToolRenames.class.getName() + "$RenamedPack");
    for (Method method : ToolPack.class.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      assertThat(wrapper.getDeclaredMethod(method.getName(), method.getParameterTypes()))
          .as("RenamedPack overrides %s, or a new SPI method would skip the wrapped pack", method)
          .isNotNull();
    }
  }

  private static McpServer.Builder builder() {
    return McpServer.builder().name("s").discoverTools(false);
  }

  private static JsonNode result(McpServer server, String tool) throws Exception {
    HttpResponse response =
        server.handle(
            Mcp.modern(
                "tools/call", tool, "\"name\":\"" + tool + "\",\"arguments\":{\"text\":\"hi\"}"));
    return Json.parse(response.body());
  }

  private static String callText(McpServer server, String tool) throws Exception {
    JsonNode result = result(server, tool).path("result");
    assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
    return result.path("content").get(0).path("text").asText();
  }

  private static JsonNode toolsList(McpServer server) throws Exception {
    return Json.parse(server.handle(Mcp.modern("tools/list", null, "")).body());
  }

  private static String text(ToolResult result) {
    return ((dev.toolsmith.runtime.Content.Text) result.content().get(0)).text();
  }
}
