package dev.toolsmith.examples.reports;

import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.lambda.McpLambdaHandler;

/**
 * The reports server on AWS Lambda, behind API Gateway: the handler {@code
 * dev.toolsmith.examples.reports.ReportsHandler} in {@code template.yaml}.
 *
 * <p>It reads its configuration once, when Lambda creates it: the bearer token from {@code
 * MCP_AUTH_TOKEN}, so each caller's tasks stay theirs, and the task table from {@code
 * MCP_TASK_TABLE}. The same handler serves the invocations that run tasks.
 */
public final class ReportsHandler extends McpLambdaHandler {
  /** Called by Lambda. */
  public ReportsHandler() {
    super(ReportsServer.create(BearerTokenAuthenticator.fromEnvironment()));
  }
}
