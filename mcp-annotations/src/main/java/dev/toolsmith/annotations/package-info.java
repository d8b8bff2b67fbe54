/**
 * The annotations a Toolsmith user writes.
 *
 * <p>Annotate plain methods with {@link dev.toolsmith.annotations.McpTool}; the Toolsmith
 * annotation processor ({@code dev.toolsmith:mcp-processor}, on the compiler's annotation processor
 * path) checks them and generates a JSON Schema and a reflection-free dispatcher for each tool. The
 * annotations have {@code CLASS} retention: nothing reads them at run time.
 */
package dev.toolsmith.annotations;
