/**
 * One structured log line per MCP request, written through SLF4J so it lands in whatever logging
 * backend the application has. Install {@link dev.toolsmith.runtime.logging.RequestLog} on the
 * server builder.
 */
package dev.toolsmith.runtime.logging;
