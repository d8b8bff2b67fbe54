package dev.toolsmith.runtime.lifecycle;

/**
 * Something a server owns for its whole life, such as a database pool or an HTTP client: made once
 * when the server starts (Lambda INIT, or local start), handed to tool classes through their
 * constructors, and closed when the server stops.
 *
 * <p>On AWS Lambda SnapStart (and any CRaC JVM) the memory of a started function is snapshotted and
 * restored later, possibly many times. Open sockets in a snapshot are dead on restore, and two
 * restored copies would share one connection's state, so a resource that holds connections releases
 * them in {@link #beforeCheckpoint()} and opens new ones after restore, lazily on next use or
 * eagerly in {@link #afterRestore()}.
 *
 * <p>Register it with {@link Lifespan#manage}.
 */
// close() may throw whatever the resource throws, InterruptedException included, as AutoCloseable
// allows.
@SuppressWarnings("try")
public interface ManagedResource extends AutoCloseable {

  /**
   * Releases what must not be captured in a snapshot: sockets, pooled connections, threads bound to
   * them. The resource must stay usable, reopening what it needs on next use. Default: nothing.
   *
   * @throws Exception to stop the checkpoint: a snapshot with a live connection in it is worse than
   *     none
   */
  default void beforeCheckpoint() throws Exception {}

  /**
   * Re-establishes what {@link #beforeCheckpoint()} released, when that should not wait for first
   * use. Default: nothing.
   */
  default void afterRestore() throws Exception {}

  /** Releases everything for good; the server has stopped. */
  @Override
  void close() throws Exception;
}
