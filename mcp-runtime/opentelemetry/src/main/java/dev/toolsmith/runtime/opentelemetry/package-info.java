/**
 * OpenTelemetry spans for MCP requests and invocations: install {@link
 * dev.toolsmith.runtime.opentelemetry.McpTracing} on the server builder.
 */
package dev.toolsmith.runtime.opentelemetry;
