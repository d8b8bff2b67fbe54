/**
 * Micrometer meters for MCP tool calls: install {@link
 * dev.toolsmith.runtime.micrometer.MicrometerMetrics} on the server builder.
 */
package dev.toolsmith.runtime.micrometer;
