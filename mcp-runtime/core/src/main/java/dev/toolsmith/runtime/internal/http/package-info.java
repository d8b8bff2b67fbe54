/**
 * The MCP Streamable HTTP rules every HTTP adapter shares: limits, origins, authentication, media
 * types, the 2026-07-28 headers, sessions' header, and the mapping of engine refusals to statuses.
 *
 * <p><b>Not API.</b> Adapters reach it through {@link
 * dev.toolsmith.runtime.server.McpServer#handle}; anything here may change in any release.
 */
package dev.toolsmith.runtime.internal.http;
