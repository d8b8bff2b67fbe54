/**
 * The MCP engine: routes one decoded JSON-RPC message, applies each era's rules and answers it.
 * Transport-neutral; it reads no header and picks no status (see {@code docs/architecture.md}).
 *
 * <p><b>Not API.</b> Public only so Toolsmith's own artifacts can reach it; anything here may
 * change in any release.
 */
package dev.toolsmith.runtime.internal.protocol;
