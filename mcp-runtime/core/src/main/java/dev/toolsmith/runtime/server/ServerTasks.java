package dev.toolsmith.runtime.server;

import dev.toolsmith.runtime.internal.lifecycle.RequestExecutors;
import dev.toolsmith.runtime.internal.protocol.TaskSettings;
import dev.toolsmith.runtime.task.TaskLauncher;
import dev.toolsmith.runtime.task.TaskStore;
import java.time.Duration;
import java.util.Map;

/**
 * Chooses where a server with task tools keeps and runs their tasks. Its own class, so a server
 * without task tools never loads what tasks need.
 */
final class ServerTasks {
  /** How often clients are asked to poll a task: often enough to feel prompt, rarely enough. */
  private static final long POLL_INTERVAL_MILLIS = 1_000;

  private ServerTasks() {}

  /**
   * Returns the settings: the configured store and launcher, or those the environment asks for.
   *
   * @param store the builder's store, or {@code null}
   * @param launcher the builder's launcher, or {@code null}
   */
  static TaskSettings settings(TaskStore store, TaskLauncher launcher, Duration ttl) {
    Map<String, String> environment = System.getenv();
    return new TaskSettings(
        store != null ? store : TaskStore.fromEnvironment(environment),
        launcher != null
            ? launcher
            : TaskLauncher.fromEnvironment(
                environment, () -> RequestExecutors.create("toolsmith-task-")),
        ttl.toMillis(),
        POLL_INTERVAL_MILLIS);
  }
}
