package dev.toolsmith.test.packs;

import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.Dispatch;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.List;

/** Two tools with an output schema: one keeps to it, one breaks it, as a buggy pack might. */
public final class QuotePack implements ToolPack {
  private static final String OUTPUT =
      "\"outputSchema\":{\"type\":\"object\",\"properties\":{\"cents\":{\"type\":\"integer\"}},"
          + "\"required\":[\"cents\"],\"additionalProperties\":false}";
  private static final String INPUT =
      "\"inputSchema\":{\"type\":\"object\",\"additionalProperties\":false}";
  private static final List<ToolDescriptor> TOOLS =
      List.of(
          ToolDescriptor.of("quote", "{\"name\":\"quote\"," + INPUT + "," + OUTPUT + "}"),
          ToolDescriptor.of("bad_quote", "{\"name\":\"bad_quote\"," + INPUT + "," + OUTPUT + "}"));

  @Override
  public List<ToolDescriptor> tools() {
    return TOOLS;
  }

  @Override
  public ToolResult call(String tool, ToolCall call) {
    switch (tool) {
      case "quote":
        return ToolResult.structured("{\"cents\":650}");
      case "bad_quote":
        return ToolResult.structured("{\"cents\":\"six fifty\"}");
      default:
        throw Dispatch.unknownTool(tool, TOOLS);
    }
  }
}
