package dev.toolsmith.runtime.session.dynamodb;

import dev.toolsmith.runtime.task.TaskStore;
import dev.toolsmith.runtime.task.TaskStoreProvider;
import java.util.Map;

/**
 * Makes the {@link DynamoDbTaskStore} that {@code MCP_TASK_TABLE} asks for; registered in {@code
 * META-INF/services}, so adding this artifact is all a deployment with a task table needs.
 */
public final class DynamoDbTaskStoreProvider implements TaskStoreProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public DynamoDbTaskStoreProvider() {}

  @Override
  public String kind() {
    return "dynamodb";
  }

  @Override
  public TaskStore fromEnvironment(Map<String, String> environment) {
    return DynamoDbTaskStore.fromEnvironment(
        environment.get(TaskStore.TABLE_VARIABLE).trim(), environment);
  }
}
