/**
 * The production HTTP server for Toolsmith MCP servers, on Jetty 12: {@link
 * dev.toolsmith.runtime.jetty.McpHttpServer}.
 */
package dev.toolsmith.runtime.jetty;
