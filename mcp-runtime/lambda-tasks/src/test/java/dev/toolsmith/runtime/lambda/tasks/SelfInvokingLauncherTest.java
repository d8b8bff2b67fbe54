package dev.toolsmith.runtime.lambda.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.task.TaskLauncher;
import dev.toolsmith.runtime.testing.FakeLambdaService;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The launcher through the real AWS SDK Lambda client, against a loopback Lambda service: the
 * asynchronous invoke it sends, and where it refuses to run.
 */
class SelfInvokingLauncherTest {

  @Test
  void launch_invokesThisFunctionAsynchronously_withTheTaskToRun() throws Exception {
    try (FakeLambdaService lambda = new FakeLambdaService()) {
      TaskLauncher launcher =
          TaskLauncher.fromEnvironment(
              Map.of(
                  "AWS_LAMBDA_FUNCTION_NAME", "reports",
                  "AWS_LAMBDA_FUNCTION_VERSION", "7",
                  "MCP_TASK_TABLE", "tasks",
                  "AWS_REGION", "us-east-1",
                  "AWS_ACCESS_KEY_ID", "test",
                  "AWS_SECRET_ACCESS_KEY", "test",
                  "AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString()),
              () -> {
                throw new AssertionError("on Lambda, tasks never run on this process's threads");
              });
      assertThat(launcher).isInstanceOf(SelfInvokingLauncher.class);
      assertThat(launcher.toString()).isEqualTo("SelfInvokingLauncher{reports:7}");
      boolean[] ranHere = {false};
      launcher.launch("6f1c2a9e-task", () -> ranHere[0] = true);
      assertThat(lambda.asyncInvocations())
          .containsExactly("{\"toolsmithRunTask\":\"6f1c2a9e-task\"}");
      assertThat(ranHere[0]).isFalse();
      assertThat(lambda.errors()).isEmpty();
    }
  }

  @Test
  void outsideLambda_thereIsNoFunctionToInvoke() {
    assertThatThrownBy(() -> SelfInvokingLauncher.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AWS_LAMBDA_FUNCTION_NAME is not set");
  }
}
