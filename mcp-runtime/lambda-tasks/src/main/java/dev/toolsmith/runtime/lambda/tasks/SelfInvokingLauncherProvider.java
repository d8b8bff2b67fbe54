package dev.toolsmith.runtime.lambda.tasks;

import dev.toolsmith.runtime.task.TaskLauncher;
import dev.toolsmith.runtime.task.TaskLauncherProvider;
import java.util.Map;

/**
 * Makes the {@link SelfInvokingLauncher} a Lambda function with task tools uses; registered in
 * {@code META-INF/services}.
 */
public final class SelfInvokingLauncherProvider implements TaskLauncherProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public SelfInvokingLauncherProvider() {}

  @Override
  public TaskLauncher fromEnvironment(Map<String, String> environment) {
    return SelfInvokingLauncher.fromEnvironment(environment);
  }
}
