package dev.toolsmith.runtime.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * A {@link Session} for one call: reads come from the snapshot the call last saw, and every write
 * is a versioned replace that re-reads and retries when another call wrote first.
 */
final class StoredSession implements Session {
  /**
   * Enough for dozens of calls racing on one session; each retry waits a little longer, with
   * jitter.
   */
  static final int MAX_ATTEMPTS = 100;

  private static final int MAX_BACKOFF_MILLIS = 64;

  private final Sessions sessions;
  private final String id;
  private final String owner;
  private SessionSnapshot snapshot;

  /**
   * Whether the store has no item for this session yet: a sealed id's session before its first
   * write. Reads see the empty snapshot; the first write creates the item.
   */
  private boolean unwritten;

  StoredSession(Sessions sessions, SessionSnapshot snapshot) {
    this.sessions = sessions;
    this.id = snapshot.id();
    this.owner = snapshot.owner();
    this.snapshot = snapshot;
  }

  /** Returns a session the store has not heard of yet, seen as {@code empty}. */
  static StoredSession unwritten(Sessions sessions, SessionSnapshot empty) {
    StoredSession session = new StoredSession(sessions, empty);
    session.unwritten = true;
    return session;
  }

  /**
   * Writes an unwritten session's item now, expiring a time to live from now.
   *
   * @throws SessionExpiredException when the session was ended meanwhile
   */
  void writeNow() {
    if (unwritten) {
      create();
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Optional<JsonNode> get(String key) {
    JsonNode value = current().data().get(Objects.requireNonNull(key, "key"));
    return value == null ? Optional.empty() : Optional.of(value.deepCopy());
  }

  @Override
  public <T> T get(String key, T defaultValue) {
    JsonNode value = current().data().get(Objects.requireNonNull(key, "key"));
    return value == null ? defaultValue : SessionValues.fromJson(key, value, defaultValue);
  }

  @Override
  public void put(String key, Object value) {
    JsonNode json = SessionValues.toJson(Objects.requireNonNull(key, "key"), value);
    write(
        key,
        new Change() {
          @Override
          JsonNode next(JsonNode current) {
            return json;
          }
        });
  }

  @Override
  public boolean remove(String key) {
    boolean[] existed = new boolean[1];
    write(
        Objects.requireNonNull(key, "key"),
        new Change() {
          @Override
          JsonNode next(JsonNode current) {
            existed[0] = current != null;
            return null;
          }
        });
    return existed[0];
  }

  @Override
  public <T> T update(String key, T initial, UnaryOperator<T> function) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(function, "function");
    @SuppressWarnings("unchecked")
    T[] result = (T[]) new Object[1];
    write(
        key,
        new Change() {
          @Override
          JsonNode next(JsonNode current) {
            T value = current == null ? initial : SessionValues.fromJson(key, current, initial);
            result[0] = function.apply(value);
            return SessionValues.toJson(key, result[0]);
          }
        });
    return result[0];
  }

  /**
   * How one key changes, given its current value ({@code null} when absent); {@code null} removes
   * it.
   */
  private abstract static class Change {
    abstract JsonNode next(JsonNode current);
  }

  private void write(String key, Change change) {
    if (unwritten) {
      create();
    }
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      SessionSnapshot base = current();
      JsonNode next = change.next(base.data().get(key));
      ObjectNode data = base.data().deepCopy();
      if (next == null) {
        data.remove(key);
      } else {
        data.set(key, next);
      }
      var expiresAt = sessions.expiry();
      switch (sessions.store().replace(id, base.version(), data, expiresAt, sessions.now())) {
        case WRITTEN:
          snapshot = new SessionSnapshot(id, base.owner(), data, base.version() + 1, expiresAt);
          return;
        case CONFLICT:
          snapshot = null;
          backOff(attempt, key);
          break;
        case GONE:
        default:
          throw new SessionExpiredException();
      }
    }
    throw new SessionConflictException(key, MAX_ATTEMPTS);
  }

  /**
   * Creates the item of an unwritten session. When the id is taken, a racing call of this session
   * created it first (and the next read sees it), or the session was ended, which leaves an item of
   * no owner (and the next read fails).
   */
  private void create() {
    var expiresAt = sessions.expiry();
    try {
      sessions.store().create(id, owner, expiresAt);
      snapshot = new SessionSnapshot(id, owner, snapshot.data(), 0, expiresAt);
    } catch (IllegalStateException taken) {
      snapshot = null;
    }
    unwritten = false;
    current();
  }

  private SessionSnapshot current() {
    if (snapshot == null) {
      Optional<SessionSnapshot> loaded = sessions.store().load(id, sessions.now());
      if (loaded.isEmpty() || !loaded.get().owner().equals(owner)) {
        throw new SessionExpiredException();
      }
      snapshot = loaded.get();
    }
    return snapshot;
  }

  private static void backOff(int attempt, String key) {
    int bound = Math.min(MAX_BACKOFF_MILLIS, 1 << Math.min(attempt, 6));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SessionConflictException(key, attempt);
    }
  }

  @Override
  public String toString() {
    return "Session{"
        + (snapshot == null ? "not loaded" : snapshot.data().size() + " values")
        + "}";
  }
}
