package dev.toolsmith.runtime.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * State that outlives one tool call: a small map of JSON values, kept in the server's {@link
 * SessionStore} (in memory locally, DynamoDB on Lambda).
 *
 * <p>Declare a parameter of this type on an {@code @McpTool} method and the runtime passes the
 * caller's session; it is not a property of the tool's arguments. Which session that is depends on
 * the protocol era (see {@code docs/sessions.md}): a handshake-era client's {@code Mcp-Session-Id},
 * or, for 2026-07-28 clients that have no protocol sessions, the {@code session_handle} argument
 * the processor adds to the tool's schema and the result hands back.
 *
 * <pre>{@code
 * @McpTool(description = "Increments a per-conversation counter and returns the new value.")
 * int incrementCounter(Session session) {
 *   return session.update("counter", 0, n -> n + 1);
 * }
 * }</pre>
 *
 * <p>Values are JSON: {@code String}, {@code Boolean}, numbers ({@code Integer}, {@code Long},
 * {@code Double}, {@code BigDecimal}, {@code BigInteger}), {@code null}, {@code Map<String, ?>} and
 * {@code List} of those, or a Jackson {@code JsonNode}. Reads are typed by the default you pass, so
 * {@code session.get("counter", 0)} returns an {@code Integer}.
 *
 * <p>Each write is a read-modify-write of the whole session guarded by a version number, so writes
 * from concurrent calls never overwrite each other; {@link #update} re-runs its function when
 * another call won the race. A session object belongs to one call and is not thread-safe.
 */
public interface Session {

  /**
   * Returns a new session of its own, kept in memory, for calling session-taking tool methods from
   * tests and scripts.
   */
  static Session inMemory() {
    return new Sessions(SessionStore.inMemory(), java.time.Duration.ofDays(1)).start("test");
  }

  /**
   * Returns the session's id: the {@code Mcp-Session-Id} or {@code session_handle} that names it.
   * It is a bearer secret; do not log it or hand it to anyone but the client that owns it.
   */
  String id();

  /** Returns the value under a key as JSON, or empty when there is none. */
  Optional<JsonNode> get(String key);

  /**
   * Returns the value under a key, converted to the type of {@code defaultValue}, or {@code
   * defaultValue} when there is none.
   *
   * @throws IllegalStateException when the stored value is not of that type
   */
  <T> T get(String key, T defaultValue);

  /**
   * Stores a value under a key, replacing any other.
   *
   * @throws IllegalArgumentException when the value is not JSON-compatible
   */
  void put(String key, Object value);

  /** Removes a key, returning whether it was there. */
  boolean remove(String key);

  /**
   * Atomically replaces the value under a key with {@code function} applied to it, and returns the
   * new value. The function receives {@code initial} when the key has no value yet, and may run
   * more than once when other calls write the session at the same time, so it must have no side
   * effects; the value it returns last is the one stored, and no concurrent update is lost.
   *
   * @throws SessionConflictException when the session stayed too contended to write
   */
  <T> T update(String key, T initial, UnaryOperator<T> function);
}
