package dev.toolsmith.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.InvalidArgumentsException;
import dev.toolsmith.runtime.ToolException;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.Dispatch;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.List;

/**
 * A hand-written tool pack for runtime tests, so the engine is tested without the processor (which
 * is built after the runtime). Generated packs are exercised end to end in examples/.
 */
public final class EchoPack implements ToolPack {
  private static final String NO_ARGS = "{\"type\":\"object\",\"additionalProperties\":false}";
  private static final List<ToolDescriptor> TOOLS =
      List.of(
          ToolDescriptor.of(
              "echo",
              "{\"name\":\"echo\",\"description\":\"Echoes text.\",\"inputSchema\":{\"type\":\"object\","
                  + "\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"],\"additionalProperties\":false}}"),
          ToolDescriptor.of(
              "refuse",
              "{\"name\":\"refuse\",\"description\":\"Fails as tools do.\",\"inputSchema\":"
                  + NO_ARGS
                  + "}"),
          ToolDescriptor.of(
              "crash",
              "{\"name\":\"crash\",\"description\":\"Has a bug.\",\"inputSchema\":"
                  + NO_ARGS
                  + "}"),
          ToolDescriptor.of(
              "count",
              "{\"name\":\"count\",\"description\":\"Reports progress.\",\"inputSchema\":"
                  + NO_ARGS
                  + "}"),
          ToolDescriptor.of(
              "ask_model",
              "{\"name\":\"ask_model\",\"description\":\"Needs sampling.\",\"inputSchema\":"
                  + NO_ARGS
                  + "}"));

  @Override
  public List<ToolDescriptor> tools() {
    return TOOLS;
  }

  @Override
  public ToolResult call(String tool, ToolCall call) throws Exception {
    switch (tool) {
      case "echo":
        JsonNode text = call.arguments() == null ? null : call.arguments().get("text");
        if (text == null || !text.isTextual()) {
          throw new InvalidArgumentsException(List.of("text: expected a string"));
        }
        return ToolResult.text(text.textValue());
      case "refuse":
        throw new ToolException("The city 'Atlantis' is not covered. Try a real city.");
      case "crash":
        throw new IllegalStateException("secret connection string postgres://admin:hunter2@db");
      case "count":
        for (int i = 1; i <= 3; i++) {
          call.context().progress(i, 3, "step " + i);
        }
        return ToolResult.text("counted");
      case "ask_model":
        call.context().requireClientCapability("sampling");
        return ToolResult.text("would sample");
      default:
        throw Dispatch.unknownTool(tool, TOOLS);
    }
  }
}
