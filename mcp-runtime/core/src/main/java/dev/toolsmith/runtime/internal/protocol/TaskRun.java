package dev.toolsmith.runtime.internal.protocol;

import dev.toolsmith.runtime.task.TaskStatus;
import dev.toolsmith.runtime.task.TaskStore;
import dev.toolsmith.runtime.task.TaskStoreException;

/**
 * A task's tool running on a thread of this server. A cancel on this server interrupts it; a cancel
 * on another (another Lambda invocation, another instance behind a load balancer) is seen in the
 * store, which {@link #isCancelled()} reads at most once a second.
 */
final class TaskRun {
  private static final long STORE_CHECK_NANOS = 1_000_000_000L;

  private final Thread thread;
  private final String taskId;
  private final TaskStore store;
  private volatile boolean cancelled;
  private long checkedAt = System.nanoTime();

  TaskRun(Thread thread, String taskId, TaskStore store) {
    this.thread = thread;
    this.taskId = taskId;
    this.store = store;
  }

  void cancel() {
    cancelled = true;
    thread.interrupt();
  }

  boolean isCancelled() {
    if (cancelled) {
      return true;
    }
    long now = System.nanoTime();
    if (now - checkedAt >= STORE_CHECK_NANOS) {
      checkedAt = now;
      try {
        cancelled =
            store
                .find(taskId)
                .map(task -> task.state().status() == TaskStatus.CANCELLED)
                .orElse(true);
      } catch (TaskStoreException e) {
        // The store is out of reach: keep running; the final write will tell.
      }
    }
    return cancelled;
  }
}
