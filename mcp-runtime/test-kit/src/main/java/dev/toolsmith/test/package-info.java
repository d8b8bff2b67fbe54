/**
 * Tests for tool packs and servers.
 *
 * <p>{@link dev.toolsmith.test.McpTestClient} drives an {@code McpServer} in-process, through the
 * same engine and Streamable HTTP rules a deployed server runs, in either protocol era; {@link
 * dev.toolsmith.test.ToolOutcome} is what a call returned; {@link dev.toolsmith.test.IndexSnapshot}
 * keeps a pack's generated index under review.
 */
package dev.toolsmith.test;
