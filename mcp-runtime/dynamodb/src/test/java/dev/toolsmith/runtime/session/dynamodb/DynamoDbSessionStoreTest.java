package dev.toolsmith.runtime.session.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.session.SessionStore;
import dev.toolsmith.runtime.session.SessionStoreException;
import dev.toolsmith.runtime.testing.DynamoDbLocal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The DynamoDB store against DynamoDB Local over HTTP: the contract, the item shape, and the loud
 * failures.
 */
class DynamoDbSessionStoreTest extends dev.toolsmith.runtime.session.SessionStoreContract {
  private static DynamoDbLocal dynamo;
  private static DynamoDbSessionStore store;

  @BeforeAll
  static void start() throws Exception {
    dynamo = DynamoDbLocal.start();
    dynamo.createSessionTable("mcp_sessions");
    store = new DynamoDbSessionStore(dynamo.client(), "mcp_sessions");
  }

  @AfterAll
  static void stop() throws Exception {
    dynamo.close();
  }

  @Override
  protected SessionStore store() {
    return store;
  }

  @Test
  void item_hasTheSeedsShape_plusAVersion() {
    String id = "s".repeat(43);
    Instant expires = Instant.now().plusSeconds(3600);
    store.create(id, "id:0:alice", expires);
    Map<String, AttributeValue> item =
        dynamo
            .client()
            .getItem(
                get ->
                    get.tableName("mcp_sessions")
                        .key(Map.of("session_id", AttributeValue.fromS(id))))
            .item();
    assertThat(item.keySet())
        .containsExactlyInAnyOrder(
            "session_id", "owner", "expires_at", "created_at", "version", "data", "recent_writes");
    assertThat(item.get("owner").s()).isEqualTo("id:0:alice");
    assertThat(item.get("expires_at").n()).isEqualTo(Long.toString(expires.getEpochSecond()));
    assertThat(item.get("data").m()).isEmpty();
  }

  @Test
  void anItemWithoutAnOwner_fromBeforeOwners_belongsToNobody() {
    String id = "o".repeat(43);
    dynamo
        .client()
        .putItem(
            put ->
                put.tableName("mcp_sessions")
                    .item(
                        Map.of(
                            "session_id", AttributeValue.fromS(id),
                            "expires_at",
                                AttributeValue.fromN(
                                    Long.toString(Instant.now().plusSeconds(600).getEpochSecond())),
                            "version", AttributeValue.fromN("0"),
                            "data", AttributeValue.fromM(Map.of()))));
    assertThat(store.load(id, Instant.now())).isEmpty();
  }

  @Test
  void missingTable_namesTheTableAndTheFix() {
    DynamoDbSessionStore missing = new DynamoDbSessionStore(dynamo.client(), "no_such_table");
    assertThatThrownBy(() -> missing.load("m".repeat(43), Instant.now()))
        .isInstanceOf(SessionStoreException.class)
        .hasMessageContaining("'no_such_table' does not exist")
        .hasMessageContaining("MCP_SESSION_TABLE");
  }

  @Test
  void accessDenied_namesTheMissingAction() {
    // DynamoDB Local has no IAM, so this is the error DynamoDB sends for a role without the
    // permission.
    DynamoDbException denied =
        (DynamoDbException)
            DynamoDbException.builder()
                .statusCode(400)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage(
                            "User: arn:aws:sts::1:assumed-role/fn is not authorized to perform: dynamodb:UpdateItem")
                        .build())
                .build();
    assertThat(store.translate(denied, "UpdateItem").getMessage())
        .contains("may not call dynamodb:UpdateItem on the session table 'mcp_sessions'")
        .contains("dynamodb:DeleteItem on that table");
  }
}
