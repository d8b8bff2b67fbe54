/**
 * Where the tasks of the MCP tasks extension ({@code io.modelcontextprotocol/tasks}) are kept: the
 * {@link dev.toolsmith.runtime.task.TaskStore} contract, the task record it keeps, and the
 * in-memory store a container server uses by default.
 *
 * <p>Tools opt in with {@code @McpTask}; the engine creates, runs, polls and cancels their tasks. A
 * store only keeps records: it never runs a tool. See {@code docs/tasks.md}.
 */
package dev.toolsmith.runtime.task;
