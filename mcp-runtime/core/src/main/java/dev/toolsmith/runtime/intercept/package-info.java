/**
 * Interceptors: code that runs around every request a server answers and every tool, prompt and
 * resource it invokes, installed with {@link
 * dev.toolsmith.runtime.server.McpServer.Builder#interceptor}. They observe (audit logs, metrics,
 * traces) and decide (guardrails that reject input or redact output, rate limits).
 *
 * <p>Three ship here and need nothing else: {@link dev.toolsmith.runtime.intercept.AuditLog},
 * {@link dev.toolsmith.runtime.intercept.Guardrails} and {@link
 * dev.toolsmith.runtime.intercept.RateLimiter}. Structured logs, metrics and traces are separate
 * artifacts built on the same interface; see {@code docs/observability.md}. A server with no
 * interceptor runs none of this code.
 */
package dev.toolsmith.runtime.intercept;
