package dev.toolsmith.runtime.session;

/** The in-memory store against the store contract. */
class InMemorySessionStoreTest extends SessionStoreContract {
  private final SessionStore store = SessionStore.inMemory();

  @Override
  protected SessionStore store() {
    return store;
  }
}
