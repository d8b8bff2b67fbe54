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
  private SessionSnapshot snapshot;

  StoredSession(Sessions sessions, SessionSnapshot snapshot) {
    this.sessions = sessions;
    this.id = snapshot.id();
    this.snapshot = snapshot;
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

  private SessionSnapshot current() {
    if (snapshot == null) {
      Optional<SessionSnapshot> loaded = sessions.store().load(id, sessions.now());
      if (loaded.isEmpty()) {
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
