package dev.toolsmith.runtime.spi;

import dev.toolsmith.runtime.Completion;
import dev.toolsmith.runtime.PromptResult;
import dev.toolsmith.runtime.ResourceContents;
import dev.toolsmith.runtime.ToolResult;
import java.util.List;

/**
 * The tools, resources and prompts of one class, which the server lists and calls; the processor
 * generates one per class with {@code @McpTool}, {@code @McpResource} or {@code @McpPrompt}
 * methods, named {@code <Class>_McpTools}. A pack without resources or prompts need not implement
 * their methods.
 *
 * <p>Generated packs whose tool class has a public no-argument constructor are listed in {@code
 * META-INF/services/dev.toolsmith.runtime.spi.ToolPack}, so a server finds them with {@link
 * java.util.ServiceLoader}; the others are constructed by the user with the tool class instance,
 * for example {@code new BoardTools_McpTools(new BoardTools(dataSource))}.
 */
@UsedByGeneratedCode
public interface ToolPack {

  /**
   * The level of this SPI that this runtime implements. Every change to a signature generated code
   * links against raises it (a build check compares the signatures with a committed baseline), so a
   * pack that needs more than a runtime has is refused when the server is built, not with a {@code
   * NoSuchMethodError} in the middle of a call.
   */
  int SPI_LEVEL = 4;

  // Level history. 1: the first published contract. 2: RequestContext.isCancelled(), a default
  // method, so level-1 packs keep working unchanged. 3: ResourceDescriptor.caching(ttlMs,
  // private), for @McpResource's cache hints; earlier packs never call it. 4: Readers.JSON_OBJECT
  // typed ScalarReader<ObjectNode> (same erasure), so packs with ObjectNode parameters compile;
  // Readers.enumOf(constants, wireNames) and Writers.enumNames(wireNames), for @McpEnumValue;
  // configure(PackDependencies), for discovered packs whose tool class takes constructor
  // arguments; processorVersion() and coordinates(), which say where a pack comes from. New
  // methods are defaults, so earlier packs keep working unchanged.

  /** The oldest SPI level whose packs this runtime still serves. */
  int OLDEST_SUPPORTED_SPI_LEVEL = 1;

  /**
   * Returns the SPI level this pack was compiled for. Generated packs return the level of the
   * processor that wrote them; a pack written by hand is compiled against the runtime it runs on,
   * which this default reports.
   */
  default int spiLevel() {
    return SPI_LEVEL;
  }

  /**
   * Returns the version of the Toolsmith processor that generated this pack, or an empty string for
   * a pack written by hand.
   */
  default String processorVersion() {
    return "";
  }

  /**
   * Returns the Maven coordinates ({@code group:artifact:version}) the pack was built as, from the
   * processor option {@code toolsmith.packCoordinates}, or an empty string when the build did not
   * pass it.
   */
  default String coordinates() {
    return "";
  }

  /**
   * Returns this pack ready to serve; the server calls it once for every pack before it serves any.
   * A pack {@code ServiceLoader} found for a tool class that takes constructor arguments (a
   * settings record, a client, a data source) is created without its tool class instance; here it
   * builds that instance from what the server provides ({@code McpServer.Builder.provide}) and
   * returns a pack around it. Every other pack returns itself.
   *
   * @throws IllegalStateException when the tool class needs a value the server does not provide
   */
  default ToolPack configure(PackDependencies dependencies) {
    return this;
  }

  /** Returns this pack's tools in their source order; the list is the same on every call. */
  List<ToolDescriptor> tools();

  /**
   * Calls one of this pack's tools.
   *
   * @param tool the name of one of {@link #tools()}
   * @param call the arguments and the request context
   * @return the tool's result, never {@code null}
   * @throws dev.toolsmith.runtime.InvalidArgumentsException when the arguments do not match the
   *     schema
   * @throws IllegalArgumentException when {@code tool} names no tool of this pack
   * @throws Exception whatever the tool method throws
   */
  ToolResult call(String tool, ToolCall call) throws Exception;

  /** Returns this pack's resources and resource templates in their source order. */
  default List<ResourceDescriptor> resources() {
    return List.of();
  }

  /**
   * Reads one of this pack's resources.
   *
   * @param resource the {@link ResourceDescriptor#uri()} of one of {@link #resources()}: the URI,
   *     or the template the requested URI matched
   * @param call the requested URI, the template's variables and the request context
   * @return the contents, at least one item
   * @throws dev.toolsmith.runtime.ResourceNotFoundException when the URI names nothing
   * @throws dev.toolsmith.runtime.InvalidArgumentsException when a variable does not convert
   * @throws Exception whatever the resource method throws
   */
  default List<ResourceContents> read(String resource, ResourceCall call) throws Exception {
    throw new IllegalArgumentException("No resource " + resource + " in " + getClass().getName());
  }

  /** Returns this pack's prompts in their source order. */
  default List<PromptDescriptor> prompts() {
    return List.of();
  }

  /**
   * Renders one of this pack's prompts.
   *
   * @param prompt the name of one of {@link #prompts()}
   * @throws dev.toolsmith.runtime.InvalidArgumentsException when an argument does not convert
   * @throws Exception whatever the prompt method throws
   */
  default PromptResult prompt(String prompt, PromptCall call) throws Exception {
    throw new IllegalArgumentException("No prompt " + prompt + " in " + getClass().getName());
  }

  /** Returns whether this pack completes any prompt argument or template variable. */
  default boolean completes() {
    return false;
  }

  /**
   * Suggests values for a prompt argument or template variable of this pack; {@link
   * Completion#empty()} for one it declares no completion for.
   */
  default Completion complete(CompletionRequest request) throws Exception {
    return Completion.empty();
  }
}
