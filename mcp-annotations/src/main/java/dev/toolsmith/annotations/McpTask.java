package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets an {@link McpTool} run as a task of the MCP tasks extension ({@code
 * io.modelcontextprotocol/tasks}): the call answers at once with a task handle, the tool runs on
 * the server after the request has ended, and the client polls {@code tasks/get} for its status and
 * result.
 *
 * <p>Use it for work that outlives a request: API Gateway cuts a request at 29 seconds, and clients
 * and proxies time out long before a batch job is done.
 *
 * <pre>{@code
 * @McpTool
 * @McpTask
 * public String exportReport(String month) { ... } // minutes of work
 * }</pre>
 *
 * <p>Only a client that declares the extension in a request's {@code _meta} gets a task; for any
 * other the tool runs as an ordinary call ({@link #required()} changes that). Inside a task the
 * tool asks for input as any tool does ({@code context.inputs()}): the task waits in {@code
 * input_required} until the client answers with {@code tasks/update}, then the tool runs again from
 * the top with the answers, as in a multi-round-trip request. {@code tasks/cancel} interrupts the
 * tool's thread and {@code context.isCancelled()} turns true.
 *
 * <p>A tool that takes a {@code Session} cannot run as a task: the processor refuses it ({@code
 * ToolsmithInvalidTask}). See {@code docs/tasks.md} for what each deployment does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpTask {

  /**
   * Whether the tool runs only as a task. A client that did not declare the tasks extension then
   * gets error -32021 naming it, instead of a call that would outlast its request.
   */
  boolean required() default false;

  /**
   * Whether the call starts as an ordinary one and becomes a task only where the tool calls {@code
   * context.continueAsTask()}: a tool can first gather input from the client, or finish at once
   * when there is little to do, and go on as a task for the long part. By default the task is made
   * before the tool runs.
   */
  boolean startInline() default false;
}
