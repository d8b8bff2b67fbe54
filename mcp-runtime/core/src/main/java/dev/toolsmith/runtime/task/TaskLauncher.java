package dev.toolsmith.runtime.task;

import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;

/**
 * Starts the run of a task's tool, without waiting for it: on this server's own threads, or, where
 * a process does not outlive its request (AWS Lambda), in another invocation of the same function,
 * which then calls {@code McpServer.runTask}.
 */
@FunctionalInterface
public interface TaskLauncher {

  /**
   * Starts running a task.
   *
   * @param taskId the task to run
   * @param runHere runs it in this process, on whatever thread the launcher chooses; a launcher
   *     that runs tasks elsewhere ignores it
   * @throws RuntimeException when the run could not be started; the task then fails with an
   *     internal error naming a logged error id
   */
  void launch(String taskId, Runnable runHere);

  /** Returns a launcher that runs each task on the executor. */
  static TaskLauncher onThreads(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    return (taskId, runHere) -> executor.execute(runHere);
  }

  /**
   * Returns the launcher the environment calls for: on AWS Lambda, the one {@code
   * dev.toolsmith:toolsmith-lambda-tasks} provides (an asynchronous invocation of this function);
   * anywhere else, this process's threads from {@code threads}.
   *
   * @throws IllegalStateException on Lambda when that artifact is not on the classpath
   */
  static TaskLauncher fromEnvironment(
      Map<String, String> environment, java.util.function.Supplier<Executor> threads) {
    if (!environment.containsKey(TaskStore.LAMBDA_FUNCTION_VARIABLE)) {
      return onThreads(threads.get());
    }
    String table = environment.get(TaskStore.TABLE_VARIABLE);
    if (table == null || table.isBlank()) {
      // The store refuses every task with the setting to make, so nothing is ever launched, and
      // a function without a task table never looks for the launcher.
      return (taskId, runHere) -> {
        throw new IllegalStateException(TaskStore.TABLE_VARIABLE + " is not set");
      };
    }
    for (TaskLauncherProvider provider :
        ServiceLoader.load(TaskLauncherProvider.class, TaskLauncher.class.getClassLoader())) {
      return provider.fromEnvironment(environment);
    }
    throw new IllegalStateException(
        "This Lambda function has tools that run as tasks, and a task must run in an invocation of"
            + " its own (a Lambda invocation ends when its handler returns). Add the dependency "
            + TaskStore.LAMBDA_TASKS_ARTIFACT
            + " (its version comes from dev.toolsmith:toolsmith-bom), which starts each task with"
            + " an asynchronous invocation of this function.");
  }
}
