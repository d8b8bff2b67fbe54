package dev.toolsmith.runtime.session.dynamodb;

import dev.toolsmith.runtime.session.SessionStore;
import dev.toolsmith.runtime.session.SessionStoreProvider;
import java.util.Map;

/**
 * Makes the {@link DynamoDbSessionStore} that {@code MCP_SESSION_TABLE} asks for; registered in
 * {@code META-INF/services}, so adding this artifact is all a deployment with a table needs.
 */
public final class DynamoDbSessionStoreProvider implements SessionStoreProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public DynamoDbSessionStoreProvider() {}

  @Override
  public String kind() {
    return "dynamodb";
  }

  @Override
  public SessionStore fromEnvironment(Map<String, String> environment) {
    return DynamoDbSessionStore.fromEnvironment(
        environment.get("MCP_SESSION_TABLE").trim(), environment);
  }
}
