package dev.toolsmith.runtime.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The resources a server owns, in the order they were made, and the three moments that concern
 * them: a snapshot is about to be taken, a snapshot was restored, the server stops.
 *
 * <pre>{@code
 * Lifespan lifespan = new Lifespan();
 * Database db = lifespan.manage(Database.fromEnvironment());   // opened lazily, closed on stop
 * McpServer server = McpServer.builder()
 *     .name("board")
 *     .lifespan(lifespan)
 *     .tools(new BoardTools_McpTools(new BoardTools(db)))
 *     .build();
 * }</pre>
 *
 * <p>Later resources may use earlier ones, so checkpoints and closing go in reverse order and
 * restores in order, as with nested try-with-resources. {@code McpLambdaHandler} (toolsmith-lambda)
 * closes the lifespan when Lambda shuts the runtime down and drives the checkpoint hooks under
 * SnapStart; {@link dev.toolsmith.runtime.local.LocalMcpServer} closes it when it stops.
 */
public final class Lifespan implements AutoCloseable {
  private final List<ManagedResource> resources = new ArrayList<>();
  private boolean closed;

  /** Returns an empty lifespan. */
  public Lifespan() {}

  /**
   * Returns whether the environment is AWS Lambda creating a SnapStart snapshot ({@code
   * AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}): then start-up work done now is captured in the
   * snapshot, so resources should do it eagerly instead of on first use.
   */
  public static boolean snapshotting(Map<String, String> environment) {
    return "snap-start".equals(environment.get("AWS_LAMBDA_INITIALIZATION_TYPE"));
  }

  /** Takes charge of a resource and returns it, so it can be made and registered in one line. */
  public synchronized <T extends ManagedResource> T manage(T resource) {
    Objects.requireNonNull(resource, "resource");
    if (closed) {
      throw new IllegalStateException("This lifespan has ended; its server has stopped");
    }
    resources.add(resource);
    return resource;
  }

  /**
   * Takes charge of something that only needs closing, such as an SDK client whose connections need
   * no care around a snapshot, and returns it.
   */
  public <T extends AutoCloseable> T closeOnStop(T closeable) {
    manage(new ClosingOnly(Objects.requireNonNull(closeable, "closeable")));
    return closeable;
  }

  /**
   * Returns whether nothing has been registered, so there is nothing to close or snapshot-proof.
   */
  public synchronized boolean isEmpty() {
    return resources.isEmpty();
  }

  /**
   * Asks every resource, last registered first, to release what a snapshot must not capture.
   *
   * @throws Exception the first failure, with the others suppressed, after every resource was asked
   */
  public void beforeCheckpoint() throws Exception {
    Exception failure = null;
    for (ManagedResource resource : reversed()) {
      try {
        resource.beforeCheckpoint();
      } catch (Exception e) {
        failure = collect(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Tells every resource, first registered first, that a snapshot was restored.
   *
   * @throws Exception the first failure, with the others suppressed, after every resource was told
   */
  public void afterRestore() throws Exception {
    Exception failure = null;
    for (ManagedResource resource : inOrder()) {
      try {
        resource.afterRestore();
      } catch (Exception e) {
        failure = collect(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Closes every resource, last registered first. A failure is logged and does not stop the others
   * from closing; closing twice does nothing.
   */
  @Override
  public void close() {
    List<ManagedResource> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(resources);
    }
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        System.getLogger("dev.toolsmith.runtime")
            .log(System.Logger.Level.WARNING, "Closing " + toClose.get(i) + " failed", e);
      }
    }
  }

  private synchronized List<ManagedResource> inOrder() {
    return new ArrayList<>(resources);
  }

  private synchronized List<ManagedResource> reversed() {
    List<ManagedResource> copy = new ArrayList<>(resources);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static Exception collect(Exception first, Exception next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  @Override
  public synchronized String toString() {
    return "Lifespan" + resources;
  }

  /** A closeable with nothing to do around a snapshot. */
  @SuppressWarnings("try") // close() throws what the wrapped closeable throws
  private static final class ClosingOnly implements ManagedResource {
    private final AutoCloseable closeable;

    ClosingOnly(AutoCloseable closeable) {
      this.closeable = closeable;
    }

    @Override
    public void close() throws Exception {
      closeable.close();
    }

    @Override
    public String toString() {
      return closeable.toString();
    }
  }
}
