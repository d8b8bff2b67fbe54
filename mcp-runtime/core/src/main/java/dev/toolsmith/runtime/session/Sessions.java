package dev.toolsmith.runtime.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The runtime's side of sessions: mints ids, sets and extends expiries, and hands tools a {@link
 * Session} over a {@link SessionStore}. One per server; thread-safe.
 *
 * <p>Every session belongs to the caller that started it, named by an owner string (the runtime
 * derives it from the caller's verified identity: issuer and subject). Only that owner finds, uses
 * or ends it; to anyone else it does not exist, so a leaked id or handle is useless to another
 * caller.
 *
 * <p>A session lives for the configured time to live after its last use: every write moves its
 * expiry forward, and so does a read once less than half of the time is left, which bounds the
 * extra writes to one per half-life.
 *
 * <p>With a session key ({@link #KEY_VARIABLE}) over a store that {@link
 * SessionStore#defersCreation() defers creation} (DynamoDB), new sessions get sealed ids: an HMAC
 * over the id, its owner and its first expiry, so any process with the key can check the id without
 * a read. Starting such a session writes nothing, which keeps the database off a Lambda cold
 * start's first response; its first write creates it, and ending it leaves a marker until the seal
 * expires. Changing the key ends the sealed sessions nothing was written to yet.
 */
public final class Sessions {
  /**
   * A session id is 32 random bytes in unpadded base64url: 43 characters, valid in any HTTP header.
   */
  private static final int ID_BYTES = 32;

  private static final int ID_LENGTH = 43;

  /**
   * The random part of a sealed id: 128 bits, like a UUID's, with the tag making it unforgeable.
   */
  private static final int SEALED_RANDOM_BYTES = 16;

  /**
   * The environment variable that holds the session key: at least 32 bytes of secret text, as
   * {@code openssl rand -base64 32} prints, whose UTF-8 bytes are the key. Every process serving
   * the same sessions needs the same key; keep it as secret as a signing key.
   */
  public static final String KEY_VARIABLE = "MCP_SESSION_KEY";

  private final SessionStore store;
  private final Duration ttl;
  private final Clock clock;

  /** The seal of new ids, or {@code null} when they are plain random and written at once. */
  private final SealedIds sealed;

  /**
   * Returns why a store cannot keep sessions at all (the deployment did not configure one, as
   * {@link SessionStore#fromEnvironment()} reports on AWS Lambda without {@code
   * MCP_SESSION_TABLE}), or {@code null} for a store that can. A server on such a store serves
   * without sessions, and only its session-taking tools refuse, with this reason.
   */
  public static String unavailableReason(SessionStore store) {
    return store instanceof UnconfiguredSessionStore unconfigured ? unconfigured.reason() : null;
  }

  /**
   * Returns sessions over a store.
   *
   * @param ttl how long a session lives after its last use
   */
  public Sessions(SessionStore store, Duration ttl) {
    this(store, ttl, null, Clock.systemUTC());
  }

  /**
   * Returns sessions over a store whose new ids are sealed with {@code key} when the store {@link
   * SessionStore#defersCreation() defers creation}; over any other store the key is not used.
   *
   * @param ttl how long a session lives after its last use
   * @param key at least 32 secret random bytes, the same in every process serving these sessions
   * @throws IllegalArgumentException when the key is shorter than 32 bytes
   */
  public Sessions(SessionStore store, Duration ttl, byte[] key) {
    this(store, ttl, Objects.requireNonNull(key, "key"), Clock.systemUTC());
  }

  /**
   * Returns sessions over a store, sealing new ids with the key in {@link #KEY_VARIABLE} when it is
   * set and the store defers creation.
   *
   * @throws IllegalStateException when the variable is set but shorter than 32 bytes
   */
  public static Sessions fromEnvironment(SessionStore store, Duration ttl) {
    return new Sessions(
        store, ttl, SessionKeys.parse(System.getenv(KEY_VARIABLE)), Clock.systemUTC());
  }

  Sessions(SessionStore store, Duration ttl, byte[] key, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    SealedIds ids = key == null ? null : new SealedIds(key); // checks the key on any store
    this.sealed = store.defersCreation() ? ids : null;
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("The session time to live must be positive, got " + ttl);
    }
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Returns the store. */
  public SessionStore store() {
    return store;
  }

  /** Returns how long a session lives after its last use. */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Creates a new, empty session that belongs to {@code owner} and returns it.
   *
   * @throws SessionLimitException when a bounded store is full, for everyone or for this owner
   */
  public Session start(String owner) {
    Objects.requireNonNull(owner, "owner");
    Instant expiresAt = expiry();
    if (sealed != null) {
      byte[] bytes = new byte[SEALED_RANDOM_BYTES];
      IdSource.RANDOM.nextBytes(bytes);
      String id = sealed.mint(bytes, expiresAt, owner);
      return StoredSession.unwritten(this, empty(id, owner, expiresAt));
    }
    byte[] bytes = new byte[ID_BYTES];
    IdSource.RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    store.create(id, owner, expiresAt);
    return new StoredSession(this, empty(id, owner, expiresAt));
  }

  /**
   * Returns the live session with this id that belongs to {@code owner}, or empty when there is
   * none, it expired, it is someone else's, or the id is not one this runtime could have minted
   * (which spares the store a lookup of garbage).
   */
  public Optional<Session> find(String id, String owner) {
    if (!wellFormed(id)) {
      return Optional.empty();
    }
    Instant now = now();
    Optional<SessionSnapshot> found = store.load(id, now);
    if (found.isEmpty()) {
      return unwritten(id, owner, now);
    }
    if (!found.get().owner().equals(owner)) {
      return Optional.empty();
    }
    SessionSnapshot snapshot = found.get();
    if (Duration.between(now, snapshot.expiresAt()).compareTo(ttl.dividedBy(2)) < 0) {
      Instant extended = now.plus(ttl);
      if (store.replace(id, snapshot.version(), snapshot.data(), extended, now)
          == SessionStore.WriteOutcome.WRITTEN) {
        snapshot =
            new SessionSnapshot(id, owner, snapshot.data(), snapshot.version() + 1, extended);
      }
    }
    return Optional.of(new StoredSession(this, snapshot));
  }

  /**
   * Ends the session with this id if it belongs to {@code owner}, returning whether a live one of
   * theirs was there; someone else's session is left untouched.
   */
  public boolean end(String id, String owner) {
    if (!wellFormed(id)) {
      return false;
    }
    Instant now = now();
    Optional<Instant> sealedUntil = liveSeal(id, owner, now);
    if (sealedUntil.isPresent()) {
      return store.endSealed(id, owner, sealedUntil.get(), now);
    }
    // No live seal of this caller's under this key can name the id again (an unsealed id, an
    // expired seal, one from before the key changed, or another caller's): the owner-checked
    // delete of a written session is enough.
    return store.delete(id, owner, now);
  }

  /**
   * Returns the session a sealed id names when the store has nothing under it: the owner's empty
   * session, not yet written, until the seal's expiry. Past half its life it is written now, with a
   * new expiry, as a stored session's expiry moves on a read.
   */
  private Optional<Session> unwritten(String id, String owner, Instant now) {
    Optional<Instant> sealedUntil = liveSeal(id, owner, now);
    if (sealedUntil.isEmpty()) {
      return Optional.empty();
    }
    StoredSession session = StoredSession.unwritten(this, empty(id, owner, sealedUntil.get()));
    if (Duration.between(now, sealedUntil.get()).compareTo(ttl.dividedBy(2)) < 0) {
      try {
        session.writeNow();
      } catch (SessionExpiredException endedMeanwhile) {
        return Optional.empty();
      }
    }
    return Optional.of(session);
  }

  /**
   * Returns the expiry of the id's seal when this key sealed it for {@code owner} and it has not
   * expired at {@code now}; else empty, as for every id when ids are not sealed.
   */
  private Optional<Instant> liveSeal(String id, String owner, Instant now) {
    if (sealed == null) {
      return Optional.empty();
    }
    return sealed.verify(id, owner).filter(expiry -> expiry.isAfter(now));
  }

  private static SessionSnapshot empty(String id, String owner, Instant expiresAt) {
    return new SessionSnapshot(
        id, owner, dev.toolsmith.runtime.internal.json.Json.object(), 0, expiresAt);
  }

  /**
   * The random source for ids, made when the first id is: setting the JDK's security providers up
   * costs a cold start about 25 ms, which a request that opens no session (a 2026-07-28 {@code
   * server/discover}, say) should not pay.
   *
   * <p>A SnapStart snapshot freezes it into every execution environment restored from it, so it
   * must not depend on state seeded before the snapshot: NativePRNGNonBlocking reads fresh bytes
   * from {@code /dev/urandom} on every call, and each restored environment's kernel pool is its
   * own. Elsewhere (Windows) the platform default. It is thread-safe, so one serves every server.
   */
  private static final class IdSource {
    static final SecureRandom RANDOM = create();

    private static SecureRandom create() {
      try {
        return SecureRandom.getInstance("NativePRNGNonBlocking");
      } catch (java.security.NoSuchAlgorithmException e) {
        return new SecureRandom();
      }
    }
  }

  Instant now() {
    return clock.instant();
  }

  Instant expiry() {
    return now().plus(ttl);
  }

  private static boolean wellFormed(String id) {
    if (id == null || (id.length() != ID_LENGTH && id.length() != SealedIds.LENGTH)) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean base64url =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!base64url) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Sessions{" + store + ", ttl=" + ttl + "}";
  }
}
