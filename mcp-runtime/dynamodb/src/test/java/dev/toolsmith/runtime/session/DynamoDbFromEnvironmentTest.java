package dev.toolsmith.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.session.dynamodb.DynamoDbSessionStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With this artifact on the classpath, {@code MCP_SESSION_TABLE} is all it takes. */
class DynamoDbFromEnvironmentTest {

  @Test
  void table_choosesTheDynamoDbStoreThroughItsProvider() {
    SessionStore store =
        EnvironmentSessionStores.choose(
            Map.of("MCP_SESSION_TABLE", " sessions ", "AWS_REGION", "eu-west-1"));
    assertThat(store).isInstanceOf(DynamoDbSessionStore.class);
    assertThat(((DynamoDbSessionStore) store).table()).isEqualTo("sessions");
  }
}
