package dev.toolsmith.runtime.session.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.session.Session;
import dev.toolsmith.runtime.session.SessionStoreException;
import dev.toolsmith.runtime.session.Sessions;
import dev.toolsmith.runtime.testing.DynamoDbLocal;
import dev.toolsmith.runtime.testing.FaultyProxy;
import dev.toolsmith.runtime.testing.FaultyProxy.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB failing as it does in production, injected by a proxy between the real SDK client and
 * DynamoDB Local: throttling, dropped connections and answers lost after the write was applied.
 * Concurrent increments lose nothing and count nothing twice, and what cannot be done is a clear
 * error that says whether to retry.
 */
class SessionStoreFaultsTest {
  private static final String OWNER = "id:0:alice";
  private static DynamoDbLocal dynamo;
  private static FaultyProxy proxy;
  private static DynamoDbClient client;
  private static Sessions sessions;

  @BeforeAll
  static void start() throws Exception {
    dynamo = DynamoDbLocal.start();
    dynamo.createSessionTable("mcp_sessions");
    proxy = FaultyProxy.start(dynamo.endpoint(), 20261201L);
    client =
        DynamoDbClient.builder()
            .endpointOverride(proxy.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            // The production bounds, with a shorter attempt timeout so lost answers are quick.
            .overrideConfiguration(
                override -> {
                  EnvironmentClient.bounded(override);
                  override.apiCallAttemptTimeout(Duration.ofMillis(700));
                })
            .build();
    sessions = new Sessions(new DynamoDbSessionStore(client, "mcp_sessions"), Duration.ofHours(1));
  }

  @AfterAll
  static void stop() {
    client.close();
    proxy.close();
    dynamo.close();
  }

  @Test
  void concurrentIncrements_withFaultsInjected_countEveryAcknowledgedOneExactlyOnce()
      throws Exception {
    proxy.healthy();
    String id = sessions.start(OWNER).id();
    proxy.faults(0.15, 0.10, 0.10, Duration.ofMillis(1200));
    int calls = 40;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int i = 0; i < calls; i++) {
        results.add(
            pool.submit(
                () -> sessions.find(id, OWNER).orElseThrow().update("counter", 0, n -> n + 1)));
      }
      Set<Integer> acknowledged = new HashSet<>();
      int refused = 0;
      for (Future<Integer> result : results) {
        try {
          assertThat(acknowledged.add(result.get())).as("a value handed out twice").isTrue();
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(SessionStoreException.class);
          refused++;
        }
      }
      proxy.healthy();
      int counter = sessions.find(id, OWNER).orElseThrow().get("counter", 0);
      // Every acknowledged increment is in the counter once: the values handed out are distinct and
      // none is above the final count. An increment refused after a lost answer may also be in it.
      assertThat(acknowledged).allSatisfy(value -> assertThat(value).isBetween(1, counter));
      assertThat(counter).isBetween(acknowledged.size(), acknowledged.size() + refused);
      assertThat(acknowledged.size())
          .as("most calls get through the SDK's retries")
          .isGreaterThan(calls / 2);
      assertThat(proxy.count(Fault.THROTTLE)).isPositive();
      assertThat(proxy.count(Fault.DROP)).isPositive();
      assertThat(proxy.count(Fault.SLOW_AFTER_APPLY)).isPositive();
    } finally {
      proxy.healthy();
      pool.shutdownNow();
    }
  }

  @Test
  void aWriteWhoseAnswerWasLost_isRecognisedOnRetry_notCountedTwice() {
    proxy.healthy();
    Session session = sessions.start(OWNER);
    String id = session.id();
    // Every answer is lost after the request was applied, retries included.
    Session same = sessions.find(id, OWNER).orElseThrow();
    proxy.faults(0, 0, 1.0, Duration.ofMillis(1200));
    try {
      assertThatThrownBy(() -> same.update("counter", 0, n -> n + 1))
          .isInstanceOf(SessionStoreException.class)
          .hasMessageContaining("may or may not have been applied");
    } finally {
      proxy.healthy();
    }
    // Now every first answer is lost after the write: the retry finds its own write and succeeds.
    for (int i = 0; i < 6; i++) {
      Session step = sessions.find(id, OWNER).orElseThrow();
      proxy.loseFirstAnswers(Duration.ofMillis(1200));
      try {
        step.update("steps", 0, n -> n + 1);
      } finally {
        proxy.healthy();
      }
    }
    assertThat(sessions.find(id, OWNER).orElseThrow().get("steps", 0)).isEqualTo(6);
  }

  @Test
  void throttlingThatOutlastsTheRetries_isAClearRetryableError() {
    proxy.healthy();
    String id = sessions.start(OWNER).id();
    proxy.faults(1.0, 0, 0, Duration.ZERO);
    try {
      assertThatThrownBy(() -> sessions.find(id, OWNER))
          .isInstanceOfSatisfying(
              SessionStoreException.class,
              e -> {
                assertThat(e.getMessage())
                    .contains("DynamoDB is throttling the session table 'mcp_sessions'")
                    .contains("try again in a few seconds");
                assertThat(e.retryAfter()).isPresent();
              });
    } finally {
      proxy.healthy();
    }
  }
}
