package dev.toolsmith.runtime.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.json.Json;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in a map, for local servers and tests. Expired sessions are dropped when they are next
 * touched; a long-running server with many abandoned sessions keeps them until then.
 */
final class InMemorySessionStore implements SessionStore {
  private final ConcurrentHashMap<String, SessionSnapshot> sessions = new ConcurrentHashMap<>();

  @Override
  public void create(String id, Instant expiresAt) {
    if (sessions.putIfAbsent(id, new SessionSnapshot(id, Json.object(), 0, expiresAt)) != null) {
      throw new IllegalStateException("Session id collision: the id is already in use");
    }
  }

  @Override
  public Optional<SessionSnapshot> load(String id, Instant now) {
    SessionSnapshot stored = sessions.get(id);
    if (stored == null) {
      return Optional.empty();
    }
    if (!stored.expiresAt().isAfter(now)) {
      sessions.remove(id, stored);
      return Optional.empty();
    }
    return Optional.of(new SessionSnapshot(id, stored.data().deepCopy(), stored.version(), stored.expiresAt()));
  }

  @Override
  public WriteOutcome replace(String id, long expectedVersion, ObjectNode data, Instant expiresAt, Instant now) {
    SessionSnapshot next = new SessionSnapshot(id, data.deepCopy(), expectedVersion + 1, expiresAt);
    SessionSnapshot[] outcome = new SessionSnapshot[1];
    sessions.computeIfPresent(id, (key, stored) -> {
      if (!stored.expiresAt().isAfter(now)) {
        return null;
      }
      outcome[0] = stored;
      return stored.version() == expectedVersion ? next : stored;
    });
    if (outcome[0] == null) {
      return WriteOutcome.GONE;
    }
    return outcome[0].version() == expectedVersion ? WriteOutcome.WRITTEN : WriteOutcome.CONFLICT;
  }

  @Override
  public boolean delete(String id, Instant now) {
    SessionSnapshot removed = sessions.remove(id);
    return removed != null && removed.expiresAt().isAfter(now);
  }

  @Override
  public String toString() {
    return "in-memory session store";
  }
}
