package dev.toolsmith.runtime.task;

import java.util.Optional;

/**
 * The store of a deployment that needs a shared one and has none: every use fails with the reason,
 * which names the setting to make, so a task tool answers with the fix instead of losing tasks.
 */
final class UnconfiguredTaskStore implements TaskStore {
  private final String reason;

  UnconfiguredTaskStore(String reason) {
    this.reason = reason;
  }

  @Override
  public void create(StoredTask task) {
    throw new TaskStoreException(reason);
  }

  @Override
  public Optional<StoredTask> find(String taskId) {
    throw new TaskStoreException(reason);
  }

  @Override
  public boolean replace(StoredTask next) {
    throw new TaskStoreException(reason);
  }

  @Override
  public String toString() {
    return "UnconfiguredTaskStore{" + reason + "}";
  }
}
