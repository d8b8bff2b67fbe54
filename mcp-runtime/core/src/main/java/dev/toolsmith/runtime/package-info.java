/**
 * Toolsmith's public run-time API: what tools return ({@link dev.toolsmith.runtime.ToolResult},
 * {@link dev.toolsmith.runtime.Content}), what they throw ({@link
 * dev.toolsmith.runtime.ToolException}) and what they may ask to be injected ({@link
 * dev.toolsmith.runtime.RequestContext}, {@link dev.toolsmith.runtime.Identity}).
 *
 * <p>The server itself is {@link dev.toolsmith.runtime.server.McpServer}; packages named {@code
 * internal} are not API.
 */
package dev.toolsmith.runtime;
