package dev.toolsmith.runtime.session;

import java.util.Map;

/**
 * Picks the session store an environment asks for. DynamoDB classes are only touched on the branch
 * that needs them, so servers without a table never load the AWS SDK, and need not ship it.
 */
final class EnvironmentSessionStores {
  static final String TABLE_VARIABLE = "MCP_SESSION_TABLE";

  private EnvironmentSessionStores() {}

  static SessionStore choose(Map<String, String> environment) {
    String table = environment.get(TABLE_VARIABLE);
    if (table != null && !table.isBlank()) {
      return dynamoDb(table.trim());
    }
    if (environment.containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
      return new UnconfiguredSessionStore(TABLE_VARIABLE + " is not set, so this Lambda function has nowhere to keep "
          + "sessions. Set " + TABLE_VARIABLE + " to the name of a DynamoDB table (hash key session_id, TTL on "
          + "expires_at). Keeping them in memory instead would reset them whenever Lambda starts a new execution "
          + "environment; a server that wants that anyway can configure SessionStore.inMemory() itself.");
    }
    return SessionStore.inMemory();
  }

  private static SessionStore dynamoDb(String table) {
    try {
      return dev.toolsmith.runtime.session.dynamodb.DynamoDbSessionStore.fromEnvironment(table);
    } catch (NoClassDefFoundError e) {
      return new UnconfiguredSessionStore(TABLE_VARIABLE + " names the DynamoDB table '" + table + "', but the AWS SDK "
          + "for DynamoDB is not on the classpath (missing " + e.getMessage() + "). Add software.amazon.awssdk:dynamodb "
          + "and software.amazon.awssdk:url-connection-client to the server's dependencies.");
    }
  }
}
