package dev.toolsmith.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory store against the store contract, and its bounds. */
class InMemorySessionStoreTest extends SessionStoreContract {
  private final InMemorySessionStore store = new InMemorySessionStore(10_000, 1_000);

  @Override
  protected SessionStore store() {
    return store;
  }

  @Test
  void aFullStore_sweepsExpiredSessionsToMakeRoom() {
    InMemorySessionStore small = new InMemorySessionStore(10, 10);
    Instant past = Instant.now().minusSeconds(60);
    for (int i = 0; i < 10; i++) {
      small.create("expired-" + i, "id:0:alice", past);
    }
    assertThat(small.size()).isEqualTo(10);
    small.create("fresh", "id:0:alice", Instant.now().plusSeconds(60));
    assertThat(small.size()).isEqualTo(1);
  }

  @Test
  void beyondTheTotal_creationIsRefused_andLiveSessionsStay() {
    InMemorySessionStore small = new InMemorySessionStore(4, 4);
    Instant soon = Instant.now().plusSeconds(90);
    for (int i = 0; i < 4; i++) {
      small.create("live-" + i, "id:0:user" + i, soon.plusSeconds(i * 100));
    }
    assertThatThrownBy(() -> small.create("one-more", "id:0:late", soon))
        .isInstanceOfSatisfying(
            SessionLimitException.class,
            e -> {
              assertThat(e.perOwner()).isFalse();
              assertThat(e.getMessage()).contains("limit of 4 live sessions", "MCP_MAX_SESSIONS");
              // The soonest of the four expires in about 90 s.
              assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(91));
            });
    assertThat(small.size()).isEqualTo(4);
    assertThat(small.load("live-0", Instant.now())).isPresent();
  }

  @Test
  void beyondAnOwnersShare_onlyThatOwnerIsRefused() {
    InMemorySessionStore shared = new InMemorySessionStore(10, 2);
    Instant later = Instant.now().plusSeconds(600);
    shared.create("a1", "id:0:alice", later);
    shared.create("a2", "id:0:alice", later);
    assertThatThrownBy(() -> shared.create("a3", "id:0:alice", later))
        .isInstanceOfSatisfying(
            SessionLimitException.class,
            e -> {
              assertThat(e.perOwner()).isTrue();
              assertThat(e.getMessage()).contains("You already hold 2 live sessions", "DELETE");
            });
    shared.create("b1", "id:0:bob", later);
    assertThat(shared.delete("a1", "id:0:alice", Instant.now())).isTrue();
    shared.create("a3", "id:0:alice", later);
    assertThat(shared.size()).isEqualTo(3);
  }

  @Test
  void expiredSessionsLeavingOnRead_freeTheirOwnersShare() {
    InMemorySessionStore shared = new InMemorySessionStore(10, 1);
    shared.create("old", "id:0:alice", Instant.now().plusMillis(1));
    assertThat(shared.load("old", Instant.now().plusSeconds(1))).isEmpty();
    shared.create("new", "id:0:alice", Instant.now().plusSeconds(60));
    assertThat(shared.size()).isEqualTo(1);
  }

  @Test
  void limits_mustBePositive_andTheShareAtMostTheTotal() {
    assertThatThrownBy(() -> new InMemorySessionStore(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> new InMemorySessionStore(5, 6))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maxSessions_comesFromTheEnvironment_orTheDefault() {
    assertThat(EnvironmentSessionStores.maxSessions(Map.of()))
        .isEqualTo(SessionStore.DEFAULT_MAX_SESSIONS);
    assertThat(EnvironmentSessionStores.maxSessions(Map.of("MCP_MAX_SESSIONS", " 50 ")))
        .isEqualTo(50);
    assertThatThrownBy(() -> EnvironmentSessionStores.maxSessions(Map.of("MCP_MAX_SESSIONS", "-1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MCP_MAX_SESSIONS must be a positive whole number");
    assertThat(SessionStore.inMemory(50).toString()).contains("at most 50 sessions, 5 per owner");
  }
}
