package dev.toolsmith.runtime.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * Where sessions live: the small SPI behind {@link Session}.
 *
 * <p>A store keeps, per session id, a JSON object of values, a version number and an expiry. It
 * never decides anything itself: the runtime mints ids, computes expiries and retries conflicts, so
 * a store is a thin, testable mapping onto its database. Every write is conditional on the version
 * the writer read, which is what makes {@link Session#update} lose nothing.
 *
 * <p>Implementations must be thread-safe. Two ship with the runtime: {@link #inMemory()}, the local
 * default, and {@code DynamoDbSessionStore}, for Lambda. Failures of the database itself (a missing
 * table, a denied action) are thrown as {@link SessionStoreException}s that say how to fix them.
 */
public interface SessionStore {

  /**
   * Returns a store that keeps sessions in this process's memory; they end when the process does.
   */
  static SessionStore inMemory() {
    return new InMemorySessionStore();
  }

  /**
   * Returns the store the environment asks for, the way deployments configure it:
   *
   * <ul>
   *   <li>{@code MCP_SESSION_TABLE} set: a {@code DynamoDbSessionStore} on that table, from the
   *       {@code dev.toolsmith:toolsmith-dynamodb} artifact, which must be on the classpath;
   *   <li>else on AWS Lambda: a store that refuses every session with an error saying to set {@code
   *       MCP_SESSION_TABLE}, because memory there is per execution environment and a counter kept
   *       in it would silently reset;
   *   <li>else: {@link #inMemory()}.
   * </ul>
   *
   * @throws IllegalStateException when the environment asks for a store whose artifact is missing
   */
  static SessionStore fromEnvironment() {
    return EnvironmentSessionStores.choose(System.getenv());
  }

  /**
   * Creates an empty session at version 0.
   *
   * @throws IllegalStateException when the id is already taken (ids are 256-bit random, so this
   *     means a broken random source)
   */
  void create(String id, Instant expiresAt);

  /**
   * Returns a session, or empty when there is none or it expired at or before {@code now}; a
   * session past its expiry counts as missing even when its item still exists.
   */
  Optional<SessionSnapshot> load(String id, Instant now);

  /**
   * Replaces a session's values if its version is still {@code expectedVersion}, setting the
   * version to {@code expectedVersion + 1} and the expiry to {@code expiresAt}.
   *
   * @return {@link WriteOutcome#WRITTEN}, {@link WriteOutcome#CONFLICT} when another write came
   *     first, or {@link WriteOutcome#GONE} when the session no longer exists or expired at {@code
   *     now}
   */
  WriteOutcome replace(
      String id, long expectedVersion, ObjectNode data, Instant expiresAt, Instant now);

  /** Deletes a session, returning whether a live one was there. */
  boolean delete(String id, Instant now);

  /** How a conditional write ended. */
  enum WriteOutcome {
    /** The write was applied. */
    WRITTEN,
    /** Another write changed the session after it was read; read it again and retry. */
    CONFLICT,
    /** The session no longer exists, or has expired. */
    GONE
  }
}
