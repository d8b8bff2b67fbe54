package dev.toolsmith.runtime.task;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Keeps the tasks of the tasks extension, so a task can be polled from any request (and, with a
 * shared store, from any instance) for as long as its time to live.
 *
 * <p>The engine decides everything about a task; a store only keeps records, and must:
 *
 * <ul>
 *   <li>make a {@link #create}d task visible to {@link #find} before {@code create} returns: the
 *       client is told the task exists only after that (the extension's durable create);
 *   <li>write a {@link #replace} only over the version before it, so two changes never both win (a
 *       cancel racing the tool's result: one of them is refused and re-reads);
 *   <li>stop returning a task once its {@link StoredTask#expiresAt()} has passed, and delete it
 *       some time after.
 * </ul>
 *
 * <p>Implementations are thread-safe. They throw {@link TaskStoreException} for outages, with a
 * message an operator can act on.
 */
public interface TaskStore {
  /** The environment variable that names a DynamoDB table for tasks. */
  String TABLE_VARIABLE = "MCP_TASK_TABLE";

  /** Set by AWS Lambda in every execution environment. */
  String LAMBDA_FUNCTION_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME";

  /** The artifact whose launcher runs tasks in invocations of their own on Lambda. */
  String LAMBDA_TASKS_ARTIFACT = "dev.toolsmith:toolsmith-lambda-tasks";

  /** Stores a new task; it is visible to {@link #find} when this returns. */
  void create(StoredTask task);

  /** Returns the task with this id, or empty when there is none or it has expired. */
  Optional<StoredTask> find(String taskId);

  /**
   * Replaces a task with its next version.
   *
   * @return whether it was written: {@code false} when the stored version is not the one before
   *     {@code next}'s (another change won) or the task is gone
   */
  boolean replace(StoredTask next);

  /** Returns a store in this JVM's memory: tasks last as long as the process. */
  static TaskStore inMemory() {
    return new InMemoryTaskStore(InMemoryTaskStore.DEFAULT_MAX_TASKS);
  }

  /**
   * Returns the store the environment asks for: DynamoDB when {@value #TABLE_VARIABLE} names a
   * table (with {@code dev.toolsmith:toolsmith-dynamodb} on the classpath); on AWS Lambda without
   * one, a store that refuses every task with the setting to make, since a task kept in one
   * execution environment's memory cannot be polled from another; this process's memory elsewhere.
   *
   * @throws IllegalStateException when a table is named and the DynamoDB artifact is missing
   */
  static TaskStore fromEnvironment(Map<String, String> environment) {
    String table = environment.get(TABLE_VARIABLE);
    if (table != null && !table.isBlank()) {
      for (TaskStoreProvider provider :
          ServiceLoader.load(TaskStoreProvider.class, TaskStore.class.getClassLoader())) {
        if ("dynamodb".equals(provider.kind())) {
          return provider.fromEnvironment(environment);
        }
      }
      throw new IllegalStateException(
          TABLE_VARIABLE
              + " names the DynamoDB table '"
              + table.trim()
              + "', but the DynamoDB task store is not on the classpath. Add the dependency"
              + " dev.toolsmith:toolsmith-dynamodb (its version comes from"
              + " dev.toolsmith:toolsmith-bom), or unset "
              + TABLE_VARIABLE
              + " to keep tasks in memory.");
    }
    if (environment.containsKey(LAMBDA_FUNCTION_VARIABLE)) {
      return new UnconfiguredTaskStore(
          TABLE_VARIABLE
              + " is not set, so this Lambda function has nowhere to keep tasks: set it to a"
              + " DynamoDB table (hash key task_id, TTL on expires_at) and add "
              + LAMBDA_TASKS_ARTIFACT
              + ". Tasks kept in one execution environment's memory could not be polled from"
              + " another. See docs/tasks.md.");
    }
    return inMemory();
  }
}
