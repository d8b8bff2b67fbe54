package dev.toolsmith.test.packs;

import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.List;

/** A discovered pack whose constructor fails: a server that excludes it must never create it. */
public final class NeverBuiltPack implements ToolPack {
  /** Fails, as a pack whose settings are missing might. */
  public NeverBuiltPack() {
    throw new AssertionError("NeverBuiltPack was created although it is excluded");
  }

  @Override
  public List<ToolDescriptor> tools() {
    return List.of();
  }

  @Override
  public ToolResult call(String tool, ToolCall call) {
    throw new UnsupportedOperationException();
  }
}
