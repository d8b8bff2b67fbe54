package dev.toolsmith.runtime.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * Stands in for a store the deployment failed to configure: every operation fails with the reason,
 * so the first request that needs a session says what to fix instead of state quietly vanishing.
 */
final class UnconfiguredSessionStore implements SessionStore {
  private final String reason;

  UnconfiguredSessionStore(String reason) {
    this.reason = reason;
    System.getLogger("dev.toolsmith.runtime")
        .log(System.Logger.Level.ERROR, "Sessions are not available: " + reason);
  }

  @Override
  public void create(String id, String owner, Instant expiresAt) {
    throw new SessionStoreException(reason);
  }

  @Override
  public Optional<SessionSnapshot> load(String id, Instant now) {
    throw new SessionStoreException(reason);
  }

  @Override
  public WriteOutcome replace(
      String id, long expectedVersion, ObjectNode data, Instant expiresAt, Instant now) {
    throw new SessionStoreException(reason);
  }

  @Override
  public boolean delete(String id, String owner, Instant now) {
    throw new SessionStoreException(reason);
  }

  /** Returns what the deployment must configure before sessions work. */
  String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "unconfigured session store (" + reason + ")";
  }
}
