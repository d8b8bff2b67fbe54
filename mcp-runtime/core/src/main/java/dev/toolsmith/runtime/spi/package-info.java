/**
 * The service-provider interface between generated code and the runtime: the binary contract that
 * tool packs compiled and published to Maven Central link against.
 *
 * <p>The Toolsmith processor generates, for each class with {@code @McpTool} methods, a {@link
 * dev.toolsmith.runtime.spi.ToolPack} that decodes arguments with {@link
 * dev.toolsmith.runtime.spi.Fields} and {@link dev.toolsmith.runtime.spi.Readers}, calls the user's
 * method directly and encodes its result with {@link dev.toolsmith.runtime.spi.Results}, {@link
 * dev.toolsmith.runtime.spi.Writers} and {@link dev.toolsmith.runtime.spi.JsonWriter}. Besides
 * {@code java.*}, generated code links only against this package and the values tool methods
 * exchange with the runtime ({@code ToolResult}, {@code RequestContext}, {@code Identity}, {@code
 * Session} and the like), never against a JSON library's types unless the user's own signature uses
 * one.
 *
 * <p>The contract is versioned: {@link dev.toolsmith.runtime.spi.ToolPack#SPI_LEVEL}. Every pack
 * reports the level it was compiled for ({@link dev.toolsmith.runtime.spi.ToolPack#spiLevel()}),
 * and a server refuses, when it is built, a pack of a level it does not implement. A build check
 * compares this package's public signatures with the committed baseline of the current level, so no
 * change, not even an addition, ships without a new level. Types here are marked {@link
 * dev.toolsmith.runtime.spi.UsedByGeneratedCode}.
 */
package dev.toolsmith.runtime.spi;
