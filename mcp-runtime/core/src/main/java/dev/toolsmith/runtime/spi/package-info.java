/**
 * The service-provider interface between generated code and the runtime.
 *
 * <p>The Toolsmith processor generates, for each class with {@code @McpTool} methods, a {@link
 * dev.toolsmith.runtime.spi.ToolPack} that decodes arguments with {@link
 * dev.toolsmith.runtime.spi.Fields} and {@link dev.toolsmith.runtime.spi.Readers}, calls the user's
 * method directly and encodes its result with {@link dev.toolsmith.runtime.spi.Results} and {@link
 * dev.toolsmith.runtime.spi.Writers}. These are the only runtime types generated code touches; each
 * is marked {@link dev.toolsmith.runtime.spi.UsedByGeneratedCode} and changes to them must keep
 * compiled tool packs working.
 */
package dev.toolsmith.runtime.spi;
