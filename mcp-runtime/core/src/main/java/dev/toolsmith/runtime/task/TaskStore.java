package dev.toolsmith.runtime.task;

import java.util.Optional;

/**
 * Keeps the tasks of the tasks extension, so a task can be polled from any request (and, with a
 * shared store, from any instance) for as long as its time to live.
 *
 * <p>The engine decides everything about a task; a store only keeps records, and must:
 *
 * <ul>
 *   <li>make a {@link #create}d task visible to {@link #find} before {@code create} returns: the
 *       client is told the task exists only after that (the extension's durable create);
 *   <li>write a {@link #replace} only over the version before it, so two changes never both win (a
 *       cancel racing the tool's result: one of them is refused and re-reads);
 *   <li>stop returning a task once its {@link StoredTask#expiresAt()} has passed, and delete it
 *       some time after.
 * </ul>
 *
 * <p>Implementations are thread-safe. They throw {@link TaskStoreException} for outages, with a
 * message an operator can act on.
 */
public interface TaskStore {

  /** Stores a new task; it is visible to {@link #find} when this returns. */
  void create(StoredTask task);

  /** Returns the task with this id, or empty when there is none or it has expired. */
  Optional<StoredTask> find(String taskId);

  /**
   * Replaces a task with its next version.
   *
   * @return whether it was written: {@code false} when the stored version is not the one before
   *     {@code next}'s (another change won) or the task is gone
   */
  boolean replace(StoredTask next);

  /** Returns a store in this JVM's memory: tasks last as long as the process. */
  static TaskStore inMemory() {
    return new InMemoryTaskStore(InMemoryTaskStore.DEFAULT_MAX_TASKS);
  }
}
