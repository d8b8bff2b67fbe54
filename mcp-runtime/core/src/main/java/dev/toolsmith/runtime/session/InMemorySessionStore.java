package dev.toolsmith.runtime.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions in a map, for local servers and tests, bounded: at most {@code maxSessions} in all and
 * {@code maxPerOwner} for any one owner, so neither a flood of {@code initialize} calls nor one
 * greedy caller can grow the heap without end or lock others out.
 *
 * <p>Expired sessions are dropped when they are next touched, and swept out when the store is full
 * (at most once a second, so a flood of refused creations costs no scan each). Live sessions are
 * never dropped to make room: a full store refuses the new session with {@link
 * SessionLimitException}, which says when the soonest session expires.
 */
final class InMemorySessionStore implements SessionStore {
  private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  private final int maxSessions;
  private final int maxPerOwner;
  private final ConcurrentHashMap<String, SessionSnapshot> sessions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Integer> owned = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  // Written under the store's lock, by create and sweep only.
  private Instant lastSweep = Instant.MIN;
  private Instant soonestExpiry = Instant.MAX;
  private Map<String, Instant> soonestByOwner = Map.of();

  InMemorySessionStore(int maxSessions, int maxPerOwner) {
    if (maxSessions < 1 || maxPerOwner < 1 || maxPerOwner > maxSessions) {
      throw new IllegalArgumentException(
          "Session limits must be positive, with the per-owner share at most the total; got "
              + maxSessions
              + " in all and "
              + maxPerOwner
              + " per owner");
    }
    this.maxSessions = maxSessions;
    this.maxPerOwner = maxPerOwner;
  }

  @Override
  public synchronized void create(String id, String owner, Instant expiresAt) {
    Instant now = Instant.now();
    if (full(owner)) {
      sweep(now);
    }
    if (count.get() >= maxSessions) {
      throw new SessionLimitException(
          "This server already holds its limit of "
              + maxSessions
              + " live sessions, so it cannot start another now. Retry later, or ask its operator "
              + "to raise MCP_MAX_SESSIONS.",
          false,
          until(now, soonestExpiry));
    }
    if (owned.getOrDefault(owner, 0) >= maxPerOwner) {
      throw new SessionLimitException(
          "You already hold "
              + maxPerOwner
              + " live sessions on this server, the most one caller may. End one you no longer "
              + "need (HTTP DELETE with its Mcp-Session-Id) or reuse it, or wait for one to expire.",
          true,
          until(now, soonestByOwner.getOrDefault(owner, soonestExpiry)));
    }
    if (sessions.putIfAbsent(id, new SessionSnapshot(id, owner, Json.object(), 0, expiresAt))
        != null) {
      throw new IllegalStateException("Session id collision: the id is already in use");
    }
    count.incrementAndGet();
    owned.merge(owner, 1, Integer::sum);
  }

  private boolean full(String owner) {
    return count.get() >= maxSessions || owned.getOrDefault(owner, 0) >= maxPerOwner;
  }

  /**
   * Drops every session that expired at or before {@code now}, and notes when the soonest of the
   * rest expires, overall and per owner, for the {@code Retry-After} of refusals.
   */
  synchronized void sweep(Instant now) {
    if (Duration.between(lastSweep, now).compareTo(SWEEP_INTERVAL) < 0) {
      return;
    }
    lastSweep = now;
    Instant soonest = Instant.MAX;
    Map<String, Instant> byOwner = new HashMap<>();
    for (SessionSnapshot session : sessions.values()) {
      if (!session.expiresAt().isAfter(now)) {
        if (sessions.remove(session.id(), session)) {
          forget(session);
        }
      } else {
        soonest = min(soonest, session.expiresAt());
        byOwner.merge(session.owner(), session.expiresAt(), InMemorySessionStore::min);
      }
    }
    soonestExpiry = soonest;
    soonestByOwner = byOwner;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Duration until(Instant now, Instant expiry) {
    Duration left =
        expiry.equals(Instant.MAX) ? Duration.ofSeconds(1) : Duration.between(now, expiry);
    return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
  }

  /** Counts a session out, once it has left the map. */
  private void forget(SessionSnapshot session) {
    count.decrementAndGet();
    owned.computeIfPresent(session.owner(), (owner, n) -> n <= 1 ? null : n - 1);
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
      if (sessions.remove(id, stored)) {
        forget(stored);
      }
      return Optional.empty();
    }
    return Optional.of(
        new SessionSnapshot(
            id, stored.owner(), stored.data().deepCopy(), stored.version(), stored.expiresAt()));
  }

  @Override
  public WriteOutcome replace(
      String id, long expectedVersion, ObjectNode data, Instant expiresAt, Instant now) {
    SessionSnapshot[] outcome = new SessionSnapshot[1];
    boolean[] expired = new boolean[1];
    sessions.computeIfPresent(
        id,
        (key, stored) -> {
          if (!stored.expiresAt().isAfter(now)) {
            expired[0] = true;
            outcome[0] = stored;
            return null;
          }
          outcome[0] = stored;
          return stored.version() == expectedVersion
              ? new SessionSnapshot(
                  id, stored.owner(), data.deepCopy(), expectedVersion + 1, expiresAt)
              : stored;
        });
    if (expired[0]) {
      forget(outcome[0]);
      return WriteOutcome.GONE;
    }
    if (outcome[0] == null) {
      return WriteOutcome.GONE;
    }
    return outcome[0].version() == expectedVersion ? WriteOutcome.WRITTEN : WriteOutcome.CONFLICT;
  }

  @Override
  public boolean delete(String id, String owner, Instant now) {
    SessionSnapshot[] removed = new SessionSnapshot[1];
    sessions.computeIfPresent(
        id,
        (key, stored) -> {
          if (!stored.owner().equals(owner)) {
            return stored;
          }
          removed[0] = stored;
          return null;
        });
    if (removed[0] == null) {
      return false;
    }
    forget(removed[0]);
    return removed[0].expiresAt().isAfter(now);
  }

  @Override
  public String toString() {
    return "in-memory session store (at most "
        + maxSessions
        + " sessions, "
        + maxPerOwner
        + " per owner)";
  }
}
