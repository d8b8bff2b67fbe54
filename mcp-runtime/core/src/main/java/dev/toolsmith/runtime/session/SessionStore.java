package dev.toolsmith.runtime.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * Where sessions live: the small SPI behind {@link Session}.
 *
 * <p>A store keeps, per session id, a JSON object of values, a version number and an expiry. It
 * never decides anything itself: the runtime mints ids, names owners, computes expiries and retries
 * conflicts, so a store is a thin, testable mapping onto its database. Every write is conditional
 * on the version the writer read, which is what makes {@link Session#update} lose nothing.
 *
 * <p>Implementations must be thread-safe. Two ship with the runtime: {@link #inMemory()}, the local
 * default, and {@code DynamoDbSessionStore}, for Lambda. Failures of the database itself (a missing
 * table, a denied action) are thrown as {@link SessionStoreException}s that say how to fix them.
 */
public interface SessionStore {

  /**
   * Returns a store that keeps sessions in this process's memory, bounded by the default limits:
   * {@value #DEFAULT_MAX_SESSIONS} live sessions, a tenth of them per owner. Sessions end when the
   * process does.
   */
  static SessionStore inMemory() {
    return inMemory(DEFAULT_MAX_SESSIONS);
  }

  /**
   * Returns an in-memory store that holds at most {@code maxSessions} live sessions, and at most a
   * tenth of them (at least one) for any one owner, so one caller cannot take them all.
   *
   * @throws IllegalArgumentException when {@code maxSessions} is not positive
   */
  static SessionStore inMemory(int maxSessions) {
    return inMemory(maxSessions, Math.max(1, maxSessions / 10));
  }

  /**
   * Returns an in-memory store that holds at most {@code maxSessions} live sessions and at most
   * {@code maxPerOwner} for any one owner. Beyond either, {@link #create} throws {@link
   * SessionLimitException}: expired sessions are swept out first, live ones are never dropped.
   *
   * @throws IllegalArgumentException when a limit is not positive, or the share exceeds the total
   */
  static SessionStore inMemory(int maxSessions, int maxPerOwner) {
    return new InMemorySessionStore(maxSessions, maxPerOwner);
  }

  /**
   * How many live sessions {@link #inMemory()} holds; {@code MCP_MAX_SESSIONS} changes it for
   * {@link #fromEnvironment()}.
   */
  int DEFAULT_MAX_SESSIONS = 10_000;

  /**
   * Returns the store the environment asks for, the way deployments configure it:
   *
   * <ul>
   *   <li>{@code MCP_SESSION_TABLE} set: a {@code DynamoDbSessionStore} on that table, from the
   *       {@code dev.toolsmith:toolsmith-dynamodb} artifact, which must be on the classpath;
   *   <li>else on AWS Lambda: a store that refuses every session with an error saying to set {@code
   *       MCP_SESSION_TABLE}, because memory there is per execution environment and a counter kept
   *       in it would silently reset;
   *   <li>else: an in-memory store holding at most {@code MCP_MAX_SESSIONS} live sessions ({@value
   *       #DEFAULT_MAX_SESSIONS} when unset), a tenth of them per owner.
   * </ul>
   *
   * @throws IllegalStateException when the environment asks for a store whose artifact is missing
   */
  static SessionStore fromEnvironment() {
    return EnvironmentSessionStores.choose(System.getenv());
  }

  /**
   * Creates an empty session at version 0 that belongs to {@code owner}.
   *
   * @throws IllegalStateException when the id is already taken (ids are 256-bit random, so this
   *     means a broken random source)
   * @throws SessionLimitException when a bounded store is full, for everyone or for this owner
   */
  void create(String id, String owner, Instant expiresAt);

  /**
   * Returns a session, with its owner, or empty when there is none or it expired at or before
   * {@code now}; a session past its expiry counts as missing even when its item still exists. The
   * runtime, not the store, compares the owner with the caller's.
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

  /**
   * Deletes a session if it belongs to {@code owner}, in one atomic step, returning whether a live
   * session of that owner was there. Another owner's session is left as it was.
   */
  boolean delete(String id, String owner, Instant now);

  /**
   * Returns whether a session may live here before its first write. When it may, and the runtime
   * has a session key ({@code MCP_SESSION_KEY}), sessions get sealed ids that vouch for themselves:
   * {@code initialize} is answered without a write, the session's first write {@link #create
   * creates} it, and a {@link #load} that finds nothing falls back to the id's seal. A store that
   * says yes implements {@link #endSealed}. The default is no: the in-memory store's writes cost
   * nothing, and a store written before this method keeps its behaviour.
   */
  default boolean defersCreation() {
    return false;
  }

  /**
   * Ends a session with a sealed id by putting, in one atomic step, a marker in its place that
   * lasts until {@code until} (the seal's own expiry) and belongs to no owner: the id's seal would
   * otherwise name a fresh, empty session again. Another owner's live session is left as it was.
   *
   * @return whether the session was there for {@code owner}: a live session of theirs, or no item
   *     at all (a sealed session never written); {@code false} for another owner's, or one already
   *     ended
   * @throws UnsupportedOperationException when the store does not {@link #defersCreation() defer
   *     creation}
   */
  default boolean endSealed(String id, String owner, Instant until, Instant now) {
    throw new UnsupportedOperationException(this + " does not keep sessions with sealed ids");
  }

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
