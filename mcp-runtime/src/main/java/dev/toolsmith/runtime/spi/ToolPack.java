package dev.toolsmith.runtime.spi;

import dev.toolsmith.runtime.ToolResult;
import java.util.List;

/**
 * A set of tools the server can list and call; the processor generates one per class with
 * {@code @McpTool} methods, named {@code <Class>_McpTools}.
 *
 * <p>Generated packs whose tool class has a public no-argument constructor are listed in
 * {@code META-INF/services/dev.toolsmith.runtime.spi.ToolPack}, so a server finds them with
 * {@link java.util.ServiceLoader}; the others are constructed by the user with the tool class
 * instance, for example {@code new BoardTools_McpTools(new BoardTools(dataSource))}.
 */
@UsedByGeneratedCode
public interface ToolPack {

  /** Returns this pack's tools in their source order; the list is the same on every call. */
  List<ToolDescriptor> tools();

  /**
   * Calls one of this pack's tools.
   *
   * @param tool the name of one of {@link #tools()}
   * @param call the arguments and the request context
   * @return the tool's result, never {@code null}
   * @throws dev.toolsmith.runtime.InvalidArgumentsException when the arguments do not match the schema
   * @throws IllegalArgumentException when {@code tool} names no tool of this pack
   * @throws Exception whatever the tool method throws
   */
  ToolResult call(String tool, ToolCall call) throws Exception;
}
