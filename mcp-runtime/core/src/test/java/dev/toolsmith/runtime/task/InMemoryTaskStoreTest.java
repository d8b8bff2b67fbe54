package dev.toolsmith.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.Identity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory store: the contract, its bound, and what the environment picks. */
class InMemoryTaskStoreTest extends TaskStoreContract {
  private final TaskStore store = TaskStore.inMemory();

  @Override
  protected TaskStore store() {
    return store;
  }

  @Test
  void beyondItsBound_creatingATaskFails_sayingWhy() {
    InMemoryTaskStore small = new InMemoryTaskStore(2);
    small.create(newTask(Identity.of("a", java.util.Set.of(), null), 60_000));
    small.create(newTask(Identity.of("b", java.util.Set.of(), null), 60_000));
    assertThatThrownBy(
            () -> small.create(newTask(Identity.of("c", java.util.Set.of(), null), 60_000)))
        .isInstanceOf(TaskStoreException.class)
        .hasMessageContaining("2 live tasks, its limit");
  }

  @Test
  void oneCaller_mayKeepATenthOfTheTasks_andOthersStillCreateTheirs() {
    InMemoryTaskStore store = new InMemoryTaskStore(20);
    Identity mallory = Identity.of("mallory", java.util.Set.of(), null);
    store.create(newTask(mallory, 60_000));
    store.create(newTask(mallory, 60_000));
    assertThatThrownBy(() -> store.create(newTask(mallory, 60_000)))
        .isInstanceOf(TaskStoreException.class)
        .hasMessageContaining("You already have 2 tasks");
    StoredTask alices = newTask(Identity.of("alice", java.util.Set.of(), null), 60_000);
    store.create(alices);
    assertThat(store.find(alices.taskId())).isPresent();
  }

  @Test
  void expiredTasks_makeRoomWhenATaskIsCreated() throws Exception {
    InMemoryTaskStore small = new InMemoryTaskStore(1);
    small.create(newTask(Identity.anonymous(), 1));
    Thread.sleep(10);
    StoredTask fresh = newTask(Identity.anonymous(), 60_000);
    small.create(fresh);
    assertThat(small.find(fresh.taskId())).isPresent();
  }

  @Test
  void theEnvironment_picksMemoryLocally_andARefusingStoreOnLambdaWithoutATable() {
    assertThat(TaskStore.fromEnvironment(Map.of())).isInstanceOf(InMemoryTaskStore.class);
    TaskStore lambda = TaskStore.fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "reports"));
    assertThatThrownBy(() -> lambda.create(newTask(Identity.anonymous(), 60_000)))
        .isInstanceOf(TaskStoreException.class)
        .hasMessageContaining("MCP_TASK_TABLE is not set")
        .hasMessageContaining("dev.toolsmith:toolsmith-lambda-tasks");
  }

  @Test
  void aTableWithoutTheDynamoDbArtifact_failsTheBuild_namingIt() {
    assertThatThrownBy(() -> TaskStore.fromEnvironment(Map.of("MCP_TASK_TABLE", "tasks")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dev.toolsmith:toolsmith-dynamodb");
  }

  @Test
  void onLambdaWithATable_theLauncherNeedsTheLambdaTasksArtifact() {
    assertThatThrownBy(
            () ->
                TaskLauncher.fromEnvironment(
                    Map.of("AWS_LAMBDA_FUNCTION_NAME", "reports", "MCP_TASK_TABLE", "tasks"),
                    () -> Runnable::run))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dev.toolsmith:toolsmith-lambda-tasks");
  }
}
