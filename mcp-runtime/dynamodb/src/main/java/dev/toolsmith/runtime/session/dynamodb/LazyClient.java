package dev.toolsmith.runtime.session.dynamodb;

import dev.toolsmith.runtime.session.SessionStoreException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store's DynamoDB client, built when first needed. Building one costs a cold JVM a few hundred
 * milliseconds of the AWS SDK's class loading; a server whose first requests need no session (a
 * 2026-07-28 {@code server/discover} or {@code tools/list}) should not pay that before answering.
 * Under SnapStart the client is built at once instead, so the snapshot holds it.
 */
final class LazyClient implements AutoCloseable {
  private final Supplier<DynamoDbClient> factory;
  private final boolean owned;
  private volatile DynamoDbClient client;

  private LazyClient(Supplier<DynamoDbClient> factory, DynamoDbClient client, boolean owned) {
    this.factory = factory;
    this.client = client;
    this.owned = owned;
  }

  /** Wraps a client the caller built and closes. */
  static LazyClient of(DynamoDbClient client) {
    return new LazyClient(null, client, false);
  }

  /** Returns a client this store builds, and closes: now when {@code eager}, else on first use. */
  static LazyClient building(Supplier<DynamoDbClient> factory, boolean eager) {
    LazyClient lazy = new LazyClient(factory, null, true);
    if (eager) {
      lazy.get();
    }
    return lazy;
  }

  /**
   * Returns the client, building it first if need be.
   *
   * @throws SessionStoreException when the SDK cannot build one (no region, say), naming the fix
   */
  DynamoDbClient get() {
    DynamoDbClient built = client;
    if (built != null) {
      return built;
    }
    synchronized (this) {
      if (client == null) {
        try {
          client = factory.get();
        } catch (RuntimeException e) {
          throw new SessionStoreException(
              "Could not create the DynamoDB client for the session table: "
                  + e.getMessage()
                  + " Check AWS_REGION (Lambda sets it) and the process's AWS credentials.",
              e);
        }
      }
      return client;
    }
  }

  /** Returns whether the client exists yet. */
  boolean built() {
    return client != null;
  }

  /** Closes the client if this store built it; a caller's client is the caller's to close. */
  @Override
  public void close() {
    DynamoDbClient built = client;
    if (owned && built != null) {
      built.close();
    }
  }
}
