package dev.toolsmith.runtime.session;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * Picks the session store an environment asks for. Stores in other artifacts are found through
 * {@link SessionStoreProvider} only on the branch that needs them, so a server without a table
 * never looks for the DynamoDB store, and need not ship it.
 */
final class EnvironmentSessionStores {
  static final String TABLE_VARIABLE = "MCP_SESSION_TABLE";
  static final String MAX_SESSIONS_VARIABLE = "MCP_MAX_SESSIONS";
  static final String DYNAMODB = "dynamodb";
  static final String DYNAMODB_ARTIFACT = "dev.toolsmith:toolsmith-dynamodb";

  private EnvironmentSessionStores() {}

  static SessionStore choose(Map<String, String> environment) {
    String table = environment.get(TABLE_VARIABLE);
    if (table != null && !table.isBlank()) {
      return dynamoDb(table.trim(), environment);
    }
    if (environment.containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
      return new UnconfiguredSessionStore(
          TABLE_VARIABLE
              + " is not set, so this Lambda function has nowhere to keep "
              + "sessions. Set "
              + TABLE_VARIABLE
              + " to the name of a DynamoDB table (hash key session_id, TTL on "
              + "expires_at). Keeping them in memory instead would reset them whenever Lambda starts a new execution "
              + "environment; a server that wants that anyway can configure SessionStore.inMemory() itself.");
    }
    return SessionStore.inMemory(maxSessions(environment));
  }

  /** Reads {@code MCP_MAX_SESSIONS}, the bound of the in-memory store. */
  static int maxSessions(Map<String, String> environment) {
    String value = environment.get(MAX_SESSIONS_VARIABLE);
    if (value == null || value.isBlank()) {
      return SessionStore.DEFAULT_MAX_SESSIONS;
    }
    try {
      int max = Integer.parseInt(value.trim());
      if (max > 0) {
        return max;
      }
    } catch (NumberFormatException e) {
      // Refused below, with what was wrong.
    }
    throw new IllegalStateException(
        MAX_SESSIONS_VARIABLE
            + " must be a positive whole number of sessions, got '"
            + value
            + "'. Unset it for the default of "
            + SessionStore.DEFAULT_MAX_SESSIONS
            + ".");
  }

  private static SessionStore dynamoDb(String table, Map<String, String> environment) {
    for (SessionStoreProvider provider :
        ServiceLoader.load(
            SessionStoreProvider.class, EnvironmentSessionStores.class.getClassLoader())) {
      if (DYNAMODB.equals(provider.kind())) {
        return provider.fromEnvironment(environment);
      }
    }
    throw new IllegalStateException(
        TABLE_VARIABLE
            + " names the DynamoDB table '"
            + table
            + "', but the DynamoDB "
            + "session store is not on the classpath. Add the dependency "
            + DYNAMODB_ARTIFACT
            + " (its version comes "
            + "from dev.toolsmith:toolsmith-bom), or unset "
            + TABLE_VARIABLE
            + " to keep sessions in memory.");
  }
}
