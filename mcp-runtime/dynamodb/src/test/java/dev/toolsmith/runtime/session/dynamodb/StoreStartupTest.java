package dev.toolsmith.runtime.session.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.session.SessionStoreException;
import dev.toolsmith.runtime.testing.DynamoDbLocal;
import dev.toolsmith.runtime.testing.FaultyProxy;
import dev.toolsmith.runtime.testing.FaultyProxy.Fault;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When the store made from the environment builds its client and makes its first call: on first use
 * for an on-demand cold start, at once and before the snapshot under SnapStart, where priming must
 * leave no connection behind. DynamoDB Local sits behind a proxy that counts what reaches it.
 */
class StoreStartupTest {
  private static final String TABLE = "startup_sessions";
  private static DynamoDbLocal dynamo;
  private static FaultyProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    dynamo = DynamoDbLocal.start();
    dynamo.createSessionTable(TABLE);
    proxy = FaultyProxy.start(dynamo.endpoint(), 20261202L);
    // DynamoDB Local takes any credentials; the SDK's default chain finds these.
    System.setProperty("aws.accessKeyId", "local");
    System.setProperty("aws.secretAccessKey", "local");
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    proxy.close();
    dynamo.close();
  }

  private static Map<String, String> environment(String endpoint, boolean snapStart) {
    Map<String, String> environment = new HashMap<>();
    environment.put("AWS_REGION", "us-east-1");
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint);
    if (snapStart) {
      environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
    }
    return environment;
  }

  @Test
  void onDemand_theClientIsBuiltOnFirstUse_notWhenTheStoreIsMade() {
    DynamoDbSessionStore store =
        DynamoDbSessionStore.fromEnvironment(
            TABLE, environment(proxy.endpoint().toString(), false));

    assertThat(store.clientBuilt()).isFalse();
    assertThat(store.load("no-such-session", Instant.now())).isEmpty();
    assertThat(store.clientBuilt()).isTrue();
    store.close();
  }

  @Test
  void underSnapStart_theClientIsBuiltAtOnce_soTheSnapshotHoldsIt() {
    DynamoDbSessionStore store =
        DynamoDbSessionStore.fromEnvironment(TABLE, environment(proxy.endpoint().toString(), true));

    assertThat(store.clientBuilt()).isTrue();
    store.close();
  }

  @Test
  void priming_makesTheFirstCallWithoutTheNetwork_thenRealCallsReachTheTable() throws Exception {
    DynamoDbSessionStore store =
        DynamoDbSessionStore.fromEnvironment(TABLE, environment(proxy.endpoint().toString(), true));
    int before = proxy.count(Fault.NONE);

    store.beforeCheckpoint();

    assertThat(proxy.count(Fault.NONE))
        .as("requests that reached DynamoDB while priming")
        .isEqualTo(before);
    String id = "p".repeat(43);
    store.create(id, "id:0:alice", Instant.now().plusSeconds(60));
    assertThat(store.load(id, Instant.now()))
        .get()
        .extracting(s -> s.owner())
        .isEqualTo("id:0:alice");
    assertThat(proxy.count(Fault.NONE)).isEqualTo(before + 2);
    store.close();
  }

  @Test
  void priming_succeedsEvenWithNothingListening_soItCannotHaveOpenedAConnection() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    DynamoDbSessionStore store =
        DynamoDbSessionStore.fromEnvironment(
            TABLE, environment("http://127.0.0.1:" + closedPort, true));

    store.beforeCheckpoint();

    assertThatThrownBy(() -> store.load("after-restore", Instant.now()))
        .isInstanceOf(SessionStoreException.class)
        .hasMessageContaining("Could not call dynamodb:GetItem");
    store.close();
  }

  @Test
  void aClientThatCannotBeBuilt_failsTheFirstSessionCall_withTheFix() {
    LazyClient client =
        LazyClient.building(
            () -> {
              throw new IllegalStateException("Unable to load region.");
            },
            false);

    assertThatThrownBy(client::get)
        .isInstanceOf(SessionStoreException.class)
        .hasMessageContaining("Could not create the DynamoDB client for the session table")
        .hasMessageContaining("Unable to load region.")
        .hasMessageContaining("AWS_REGION");
    assertThat(client.built()).isFalse();
  }

  @Test
  void aMistypedEndpoint_failsWhenTheStoreIsMade_namingTheVariable() {
    assertThatThrownBy(
            () -> DynamoDbSessionStore.fromEnvironment(TABLE, environment("localhost:8000", false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AWS_ENDPOINT_URL_DYNAMODB must be an http or https URL")
        .hasMessageContaining("'localhost:8000'");
  }

  @Test
  void theEndpoint_comesFromTheGivenEnvironment_asTheSdkReadsIt() {
    assertThat(EnvironmentClient.endpoint(Map.of("AWS_ENDPOINT_URL", "http://a:1")))
        .hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo("http://a:1"));
    assertThat(
            EnvironmentClient.endpoint(
                Map.of(
                    "AWS_ENDPOINT_URL", "http://a:1", "AWS_ENDPOINT_URL_DYNAMODB", "http://b:2")))
        .hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo("http://b:2"));
    assertThat(
            EnvironmentClient.endpoint(
                Map.of(
                    "AWS_ENDPOINT_URL",
                    "http://a:1",
                    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
                    "true")))
        .isEmpty();
    assertThat(EnvironmentClient.endpoint(Map.of())).isEmpty();
  }
}
