package dev.toolsmith.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory store against the store contract, and its bound on abandoned sessions. */
class InMemorySessionStoreTest extends SessionStoreContract {
  private final InMemorySessionStore store = new InMemorySessionStore();

  @Override
  protected SessionStore store() {
    return store;
  }

  @Test
  void abandonedExpiredSessions_areSweptAsNewOnesArrive() {
    Instant past = Instant.now().minusSeconds(60);
    for (int i = 0; i < InMemorySessionStore.SWEEP_EVERY - 1; i++) {
      store.create("expired-" + i, past);
    }
    assertThat(store.size()).isEqualTo(InMemorySessionStore.SWEEP_EVERY - 1);
    store.create("fresh", Instant.now().plusSeconds(60));
    assertThat(store.size()).isEqualTo(1);
  }
}
