package dev.toolsmith.test.packs;

import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.Dispatch;
import dev.toolsmith.runtime.spi.PackDependencies;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.List;

/**
 * A discovered pack written the way the processor writes one for {@code Greeter(Greeting)}: found
 * without its greeting, then built from what the server provides.
 */
public final class GreetingPack implements ToolPack {
  /** What the pack's tool class takes in its constructor. */
  public record Greeting(String text) {}

  private static final List<ToolDescriptor> TOOLS =
      List.of(
          ToolDescriptor.of(
              "greet",
              "{\"name\":\"greet\",\"description\":\"Greets.\",\"inputSchema\":"
                  + "{\"type\":\"object\",\"additionalProperties\":false}}"));

  private final Greeting greeting;

  /** For ServiceLoader. */
  public GreetingPack() {
    this.greeting = null;
  }

  private GreetingPack(Greeting greeting) {
    this.greeting = greeting;
  }

  @Override
  public ToolPack configure(PackDependencies dependencies) {
    return greeting != null ? this : new GreetingPack(dependencies.get(Greeting.class, this));
  }

  @Override
  public String processorVersion() {
    return "9.9.9";
  }

  @Override
  public String coordinates() {
    return "com.example:greetings:2.0.0";
  }

  @Override
  public List<ToolDescriptor> tools() {
    return TOOLS;
  }

  @Override
  public ToolResult call(String tool, ToolCall call) {
    if (!tool.equals("greet")) {
      throw Dispatch.unknownTool(tool, TOOLS);
    }
    return ToolResult.text(greeting.text());
  }
}
