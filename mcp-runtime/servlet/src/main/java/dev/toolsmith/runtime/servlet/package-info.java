/**
 * Mounts a Toolsmith MCP server in any Jakarta Servlet 6 container: {@link
 * dev.toolsmith.runtime.servlet.McpServlet}.
 */
package dev.toolsmith.runtime.servlet;
