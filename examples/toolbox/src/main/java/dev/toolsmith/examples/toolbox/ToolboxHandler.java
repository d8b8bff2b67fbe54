package dev.toolsmith.examples.toolbox;

import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.lambda.McpLambdaHandler;

/**
 * The toolbox on AWS Lambda, behind API Gateway: the handler {@code
 * dev.toolsmith.examples.toolbox.ToolboxHandler} in {@code template.yaml}.
 *
 * <p>It reads its configuration once, when Lambda creates it: the bearer token from {@code
 * MCP_AUTH_TOKEN} (every request is refused when it is missing) and the session table from {@code
 * MCP_SESSION_TABLE} (session tools refuse to run without it, rather than forget).
 */
public final class ToolboxHandler extends McpLambdaHandler {
  /** Called by Lambda. */
  public ToolboxHandler() {
    super(loggedServer());
  }

  private static dev.toolsmith.runtime.server.McpServer loggedServer() {
    ToolboxLogging.install();
    return ToolboxServer.create(BearerTokenAuthenticator.fromEnvironment());
  }
}
