package dev.toolsmith.runtime.session.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.task.StoredTask;
import dev.toolsmith.runtime.task.TaskStore;
import dev.toolsmith.runtime.task.TaskStoreContract;
import dev.toolsmith.runtime.task.TaskStoreException;
import dev.toolsmith.runtime.testing.DynamoDbLocal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB task store against DynamoDB Local over HTTP: the contract and the item shape. */
class DynamoDbTaskStoreTest extends TaskStoreContract {
  private static DynamoDbLocal dynamo;
  private static DynamoDbTaskStore store;

  @BeforeAll
  static void start() throws Exception {
    dynamo = DynamoDbLocal.start();
    dynamo.createTaskTable("mcp_tasks");
    store = new DynamoDbTaskStore(dynamo.client(), "mcp_tasks");
  }

  @AfterAll
  static void stop() throws Exception {
    dynamo.close();
  }

  @Override
  protected TaskStore store() {
    return store;
  }

  @Test
  void item_keepsTheTaskAsDocumented_withATtlDynamoDbCanUse() {
    StoredTask task = newTask(Identity.anonymous(), 90_500);
    store.create(task);
    Map<String, AttributeValue> item =
        dynamo
            .client()
            .getItem(
                get ->
                    get.tableName("mcp_tasks")
                        .key(Map.of("task_id", AttributeValue.fromS(task.taskId()))))
            .item();
    assertThat(item.keySet())
        .containsExactlyInAnyOrder(
            "task_id",
            "owner",
            "caller",
            "tool",
            "protocol_version",
            "client_capabilities",
            "arguments",
            "created_at",
            "ttl_ms",
            "expires_at",
            "status",
            "last_updated_at",
            "version",
            "answers",
            "stored_values",
            "write_id");
    assertThat(item.get("status").s()).isEqualTo("working");
    assertThat(item.get("version").n()).isEqualTo("1");
    long expiresAt = Long.parseLong(item.get("expires_at").n());
    // Epoch seconds, rounded up: DynamoDB's TTL never deletes a task early.
    assertThat(expiresAt * 1000).isGreaterThanOrEqualTo(task.expiresAt().toEpochMilli());
    assertThat(expiresAt * 1000 - task.expiresAt().toEpochMilli()).isLessThan(1000);
  }

  @Test
  void aMissingTable_isATaskStoreException_namingTheTableAndHowToMakeIt() {
    DynamoDbTaskStore missing = new DynamoDbTaskStore(dynamo.client(), "no_such_table");
    assertThatThrownBy(() -> missing.find("t"))
        .isInstanceOf(TaskStoreException.class)
        .hasMessageContaining("The DynamoDB task table 'no_such_table' does not exist")
        .hasMessageContaining("hash key task_id")
        .hasMessageContaining("MCP_TASK_TABLE");
  }
}
