package dev.toolsmith.runtime.testing;

import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.Dispatch;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.List;

/**
 * A hand-written pack with the toolbox's session tool, written as the processor would generate it.
 */
public final class CounterPack implements ToolPack {
  private static final List<ToolDescriptor> TOOLS =
      List.of(
          ToolDescriptor.withSession(
              "increment_counter",
              "{\"name\":\"increment_counter\",\"description\":\"Counts.\","
                  + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"session_handle\":{\"type\":\"string\"}},"
                  + "\"additionalProperties\":false}}"),
          ToolDescriptor.withSession(
              "remember",
              "{\"name\":\"remember\",\"description\":\"Stores a note.\","
                  + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"note\":{\"type\":\"string\"},"
                  + "\"session_handle\":{\"type\":\"string\"}},\"additionalProperties\":false}}"));

  @Override
  public List<ToolDescriptor> tools() {
    return TOOLS;
  }

  @Override
  public ToolResult call(String tool, ToolCall call) {
    switch (tool) {
      case "increment_counter":
        return ToolResult.text(Integer.toString(call.session().update("counter", 0, n -> n + 1)));
      case "remember":
        String note = call.arguments().path("note").asText();
        call.session().put("note", note);
        return ToolResult.text("remembered " + call.session().get("note", ""));
      default:
        throw Dispatch.unknownTool(tool, TOOLS);
    }
  }
}
