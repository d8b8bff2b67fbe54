package dev.toolsmith.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.session.SessionStore.WriteOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} must do; each store's test runs these against the real thing. */
public abstract class SessionStoreContract {
  private static final Instant NOW = Instant.now();
  private static final Instant LATER = NOW.plus(Duration.ofHours(1));
  private static final String ALICE = "id:0:alice";
  private static final String BOB = "id:0:bob";

  protected abstract SessionStore store();

  private static String id(char c) {
    return (c + "abcdefghijklmnopqrstuvwxyz0123456789-_ABCDEF").substring(0, 43);
  }

  @Test
  void create_thenLoad_givesAnEmptySessionAtVersionZero() {
    String id = id('a');
    store().create(id, ALICE, LATER);
    SessionSnapshot loaded = store().load(id, NOW).orElseThrow();
    assertThat(loaded.owner()).isEqualTo(ALICE);
    assertThat(loaded.data().size()).isZero();
    assertThat(loaded.version()).isZero();
    assertThat(loaded.expiresAt().getEpochSecond()).isEqualTo(LATER.getEpochSecond());
  }

  @Test
  void replace_atTheReadVersion_writesAndBumpsTheVersion() throws Exception {
    String id = id('b');
    store().create(id, ALICE, LATER);
    ObjectNode data =
        (ObjectNode)
            Json.parse("{\"counter\":41,\"note\":\"hi\",\"list\":[1,2.5,true,null,{\"x\":\"y\"}]}");
    assertThat(store().replace(id, 0, data, LATER.plusSeconds(60), NOW))
        .isEqualTo(WriteOutcome.WRITTEN);
    SessionSnapshot loaded = store().load(id, NOW).orElseThrow();
    assertThat(loaded.version()).isEqualTo(1);
    assertThat(loaded.data()).isEqualTo(data);
    assertThat(loaded.expiresAt().getEpochSecond())
        .isEqualTo(LATER.plusSeconds(60).getEpochSecond());
  }

  @Test
  void replace_atAStaleVersion_isAConflictAndChangesNothing() throws Exception {
    String id = id('c');
    store().create(id, ALICE, LATER);
    store().replace(id, 0, (ObjectNode) Json.parse("{\"counter\":1}"), LATER, NOW);
    assertThat(store().replace(id, 0, (ObjectNode) Json.parse("{\"counter\":99}"), LATER, NOW))
        .isEqualTo(WriteOutcome.CONFLICT);
    assertThat(store().load(id, NOW).orElseThrow().data().path("counter").asInt()).isEqualTo(1);
  }

  @Test
  void missingSession_isGoneAndNotCreatedByAWrite() {
    String id = id('d');
    assertThat(store().load(id, NOW)).isEmpty();
    assertThat(store().replace(id, 0, Json.object(), LATER, NOW)).isEqualTo(WriteOutcome.GONE);
    assertThat(store().load(id, NOW)).isEmpty();
  }

  @Test
  void expiredSession_countsAsMissing_beforeAnyoneDeletesIt() {
    String id = id('e');
    store().create(id, ALICE, NOW.minusSeconds(5));
    assertThat(store().load(id, NOW)).isEmpty();
    assertThat(store().replace(id, 0, Json.object(), LATER, NOW)).isEqualTo(WriteOutcome.GONE);
    assertThat(store().delete(id, ALICE, NOW)).isFalse();
  }

  @Test
  void delete_removesTheSession() {
    String id = id('f');
    store().create(id, ALICE, LATER);
    assertThat(store().delete(id, ALICE, NOW)).isTrue();
    assertThat(store().load(id, NOW)).isEmpty();
    assertThat(store().delete(id, ALICE, NOW)).isFalse();
  }

  @Test
  void session_valuesRoundTripWithTheirTypes() {
    Sessions sessions = new Sessions(store(), Duration.ofHours(1));
    Session session = sessions.start(ALICE);
    session.put("name", "Ada");
    session.put("big", 1L << 40);
    session.put("ratio", 0.25);
    session.put("flags", List.of(true, false));
    session.put("profile", Map.of("city", "Lisbon"));
    Session again = sessions.find(session.id(), ALICE).orElseThrow();
    assertThat(again.get("name", "")).isEqualTo("Ada");
    assertThat(again.get("big", 0L)).isEqualTo(1L << 40);
    assertThat(again.get("ratio", 0.0)).isEqualTo(0.25);
    assertThat(again.get("flags", List.of())).isEqualTo(List.of(true, false));
    assertThat(again.get("profile", Map.of())).isEqualTo(Map.of("city", "Lisbon"));
    assertThat(again.get("absent", 7)).isEqualTo(7);
    assertThat(again.remove("name")).isTrue();
    assertThat(sessions.find(session.id(), ALICE).orElseThrow().get("name")).isEmpty();
  }

  @Test
  void concurrentUpdates_loseNothing() throws Exception {
    Sessions sessions = new Sessions(store(), Duration.ofHours(1));
    String id = sessions.start(ALICE).id();
    int writers = 50;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<Integer>> increments = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        increments.add(
            () -> sessions.find(id, ALICE).orElseThrow().update("counter", 0, n -> n + 1));
      }
      List<Integer> seen = new ArrayList<>();
      for (Future<Integer> result : pool.invokeAll(increments)) {
        seen.add(result.get());
      }
      assertThat(seen).doesNotHaveDuplicates().hasSize(writers);
      assertThat(sessions.find(id, ALICE).orElseThrow().get("counter", 0)).isEqualTo(writers);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void delete_byAnotherOwner_leavesTheSessionAsItWas() throws Exception {
    String id = id('g');
    store().create(id, ALICE, LATER);
    store().replace(id, 0, (ObjectNode) Json.parse("{\"counter\":3}"), LATER, NOW);
    assertThat(store().delete(id, BOB, NOW)).isFalse();
    SessionSnapshot kept = store().load(id, NOW).orElseThrow();
    assertThat(kept.owner()).isEqualTo(ALICE);
    assertThat(kept.data().path("counter").asInt()).isEqualTo(3);
    assertThat(store().delete(id, ALICE, NOW)).isTrue();
  }

  @Test
  void sessions_areFoundUsedAndEndedOnlyByTheirOwner() {
    Sessions sessions = new Sessions(store(), Duration.ofHours(1));
    Session alices = sessions.start(ALICE);
    alices.update("counter", 0, n -> n + 3);
    assertThat(sessions.find(alices.id(), BOB)).isEmpty();
    assertThat(sessions.end(alices.id(), BOB)).isFalse();
    Session again = sessions.find(alices.id(), ALICE).orElseThrow();
    assertThat(again.get("counter", 0)).isEqualTo(3);
    assertThat(sessions.end(alices.id(), ALICE)).isTrue();
    assertThat(sessions.find(alices.id(), ALICE)).isEmpty();
  }
}
