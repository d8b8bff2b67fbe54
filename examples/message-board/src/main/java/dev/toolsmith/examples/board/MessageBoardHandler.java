package dev.toolsmith.examples.board;

import dev.toolsmith.runtime.auth.oidc.OidcAuthenticator;
import dev.toolsmith.runtime.lambda.McpLambdaHandler;

/**
 * The message board on AWS Lambda, behind a Function URL: the handler {@code
 * dev.toolsmith.examples.board.MessageBoardHandler} in {@code template.yaml}.
 *
 * <p>Built once per execution environment (and, with SnapStart, once per published version): the
 * OIDC settings from {@code MCP_SERVER_URL} and {@code MCP_OIDC_*}, the database from {@code
 * DATABASE_URL}, {@code DB_USER} and {@code DB_PASSWORD}. Lambda runs one request at a time per
 * environment, so the pool holds one connection.
 */
public final class MessageBoardHandler extends McpLambdaHandler {
  /** Called by Lambda. */
  public MessageBoardHandler() {
    super(
        MessageBoard.create(
            OidcAuthenticator.fromEnvironment(),
            DatabaseSettings.fromEnvironment(System.getenv(), 1)));
  }
}
