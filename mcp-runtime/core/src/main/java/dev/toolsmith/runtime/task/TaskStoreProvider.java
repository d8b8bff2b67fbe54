package dev.toolsmith.runtime.task;

import java.util.Map;

/**
 * Makes a {@link TaskStore} from the environment, for stores that live in their own artifact (such
 * as {@code dev.toolsmith:toolsmith-dynamodb}) and are chosen by {@code MCP_TASK_TABLE}. Found with
 * {@link java.util.ServiceLoader} only when the environment asks for such a store.
 */
public interface TaskStoreProvider {

  /** Returns the kind of store this provider makes, for example {@code dynamodb}. */
  String kind();

  /**
   * Returns the store the environment configures.
   *
   * @param environment the process's environment variables
   */
  TaskStore fromEnvironment(Map<String, String> environment);
}
