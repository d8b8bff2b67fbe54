/**
 * Tasks of the MCP tasks extension on AWS Lambda: {@link
 * dev.toolsmith.runtime.lambda.tasks.SelfInvokingLauncher} starts each task in an asynchronous
 * invocation of the function itself, which {@code McpLambdaHandler} serves by running the task.
 *
 * <p>Adding this artifact (with {@code toolsmith-dynamodb} and {@code MCP_TASK_TABLE}) is all a
 * function needs; see {@code docs/tasks.md}.
 */
package dev.toolsmith.runtime.lambda.tasks;
