package dev.toolsmith.runtime.internal.protocol;

import dev.toolsmith.runtime.task.TaskLauncher;
import dev.toolsmith.runtime.task.TaskStore;
import java.util.Objects;

/**
 * How a server keeps and runs the tasks of its {@code @McpTask} tools.
 *
 * <p><b>Not API.</b> Public only for {@code McpServer}; anything here may change in any release.
 *
 * @param store where tasks are kept
 * @param launcher where their tools run
 * @param ttlMillis how long a task stays readable after it is created
 * @param pollIntervalMillis how often clients are asked to poll {@code tasks/get}
 */
public record TaskSettings(
    TaskStore store, TaskLauncher launcher, long ttlMillis, long pollIntervalMillis) {
  /** Checks the settings. */
  public TaskSettings {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(launcher, "launcher");
    if (ttlMillis <= 0 || pollIntervalMillis <= 0) {
      throw new IllegalArgumentException(
          "A task's time to live and poll interval must be positive");
    }
  }
}
