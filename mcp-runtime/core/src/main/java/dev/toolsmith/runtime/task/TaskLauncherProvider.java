package dev.toolsmith.runtime.task;

import java.util.Map;

/**
 * Makes the {@link TaskLauncher} a platform needs, for launchers that live in their own artifact
 * (such as {@code dev.toolsmith:toolsmith-lambda-tasks}). Found with {@link
 * java.util.ServiceLoader} only on that platform, and only by a server with task tools.
 */
public interface TaskLauncherProvider {

  /**
   * Returns the launcher the environment configures.
   *
   * @param environment the process's environment variables
   */
  TaskLauncher fromEnvironment(Map<String, String> environment);
}
