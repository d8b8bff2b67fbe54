package dev.toolsmith.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the environment picks a session store when the DynamoDB artifact is not on the classpath. */
class EnvironmentSessionStoresTest {

  @Test
  void tableWithoutTheDynamoDbArtifact_failsTheBuild_namingTheArtifact() {
    assertThatThrownBy(
            () -> EnvironmentSessionStores.choose(Map.of("MCP_SESSION_TABLE", "sessions")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MCP_SESSION_TABLE names the DynamoDB table 'sessions'")
        .hasMessageContaining("dev.toolsmith:toolsmith-dynamodb");
  }

  @Test
  void noTableLocally_keepsSessionsInMemory() {
    assertThat(EnvironmentSessionStores.choose(Map.of())).isInstanceOf(InMemorySessionStore.class);
  }
}
