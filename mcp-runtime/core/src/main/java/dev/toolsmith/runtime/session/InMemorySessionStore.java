package dev.toolsmith.runtime.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions in a map, for local servers and tests. Expired sessions are dropped when they are next
 * touched, and every {@value #SWEEP_EVERY} creations sweep out the ones nobody touches again, so a
 * long-running server full of abandoned conversations does not grow without bound.
 */
final class InMemorySessionStore implements SessionStore {
  static final int SWEEP_EVERY = 1024;

  private final ConcurrentHashMap<String, SessionSnapshot> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger created = new AtomicInteger();

  @Override
  public void create(String id, Instant expiresAt) {
    if (created.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(Instant.now());
    }
    if (sessions.putIfAbsent(id, new SessionSnapshot(id, Json.object(), 0, expiresAt)) != null) {
      throw new IllegalStateException("Session id collision: the id is already in use");
    }
  }

  /** Drops every session that expired at or before {@code now}. */
  void sweep(Instant now) {
    for (Map.Entry<String, SessionSnapshot> entry : sessions.entrySet()) {
      if (!entry.getValue().expiresAt().isAfter(now)) {
        sessions.remove(entry.getKey(), entry.getValue());
      }
    }
  }

  /** Returns how many sessions the map holds, expired or not. */
  int size() {
    return sessions.size();
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
    return Optional.of(
        new SessionSnapshot(id, stored.data().deepCopy(), stored.version(), stored.expiresAt()));
  }

  @Override
  public WriteOutcome replace(
      String id, long expectedVersion, ObjectNode data, Instant expiresAt, Instant now) {
    SessionSnapshot next = new SessionSnapshot(id, data.deepCopy(), expectedVersion + 1, expiresAt);
    SessionSnapshot[] outcome = new SessionSnapshot[1];
    sessions.computeIfPresent(
        id,
        (key, stored) -> {
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
