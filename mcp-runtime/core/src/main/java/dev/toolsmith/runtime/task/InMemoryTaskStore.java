package dev.toolsmith.runtime.task;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tasks in this JVM's memory, for a server that runs as one long-lived process (a container, a
 * local server). Tasks do not survive a restart and are not shared between instances: behind a load
 * balancer, route by {@code Mcp-Name} (the task id) or use a shared store.
 *
 * <p>Expired tasks are swept when a task is created; at most {@code maxTasks} unexpired tasks are
 * kept, and at most a tenth of them (at least one) per owner, so one caller cannot take every slot.
 * Beyond either, creating a task fails with a message saying which.
 */
public final class InMemoryTaskStore implements TaskStore {
  static final int DEFAULT_MAX_TASKS = 10_000;

  private final ConcurrentMap<String, StoredTask> tasks = new ConcurrentHashMap<>();
  private final int maxTasks;
  private final int maxPerOwner;

  /**
   * Returns a store that keeps at most this many live tasks.
   *
   * @throws IllegalArgumentException when {@code maxTasks} is not positive
   */
  public InMemoryTaskStore(int maxTasks) {
    if (maxTasks <= 0) {
      throw new IllegalArgumentException("maxTasks must be positive, got " + maxTasks);
    }
    this.maxTasks = maxTasks;
    this.maxPerOwner = Math.max(1, maxTasks / 10);
  }

  @Override
  public void create(StoredTask task) {
    Instant now = Instant.now();
    // One pass: sweep what has expired, and count what the owner still keeps.
    int owned = 0;
    for (Iterator<StoredTask> it = tasks.values().iterator(); it.hasNext(); ) {
      StoredTask stored = it.next();
      if (stored.isExpired(now)) {
        it.remove();
      } else if (stored.owner().equals(task.owner())) {
        owned++;
      }
    }
    if (tasks.size() >= maxTasks) {
      throw new TaskStoreException(
          "This server already keeps "
              + maxTasks
              + " live tasks, its limit; retry when some have expired, or give the server a"
              + " larger InMemoryTaskStore.");
    }
    if (owned >= maxPerOwner) {
      throw new TaskStoreException(
          "You already have "
              + owned
              + " tasks on this server, the most one caller may keep at once. Tasks are kept for"
              + " their time to live after they are created, ended or not; retry when older ones"
              + " have expired.");
    }
    if (tasks.putIfAbsent(task.taskId(), task) != null) {
      throw new IllegalArgumentException("A task with id " + task.taskId() + " already exists");
    }
  }

  @Override
  public Optional<StoredTask> find(String taskId) {
    StoredTask task = tasks.get(taskId);
    return task == null || task.isExpired(Instant.now()) ? Optional.empty() : Optional.of(task);
  }

  @Override
  public boolean replace(StoredTask next) {
    boolean[] written = {false};
    tasks.computeIfPresent(
        next.taskId(),
        (id, stored) -> {
          if (stored.state().version() + 1 != next.state().version()) {
            return stored;
          }
          written[0] = true;
          return next;
        });
    return written[0];
  }

  @Override
  public String toString() {
    return "InMemoryTaskStore{" + tasks.size() + " tasks}";
  }
}
