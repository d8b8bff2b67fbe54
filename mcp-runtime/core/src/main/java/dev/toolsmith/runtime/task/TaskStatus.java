package dev.toolsmith.runtime.task;

import java.util.Locale;

/** Where a task is in its life, as {@code tasks/get} reports it. */
public enum TaskStatus {
  /** The tool is running, or about to. */
  WORKING,
  /** The tool asked the client for input; the task waits for {@code tasks/update}. */
  INPUT_REQUIRED,
  /** The tool returned a result, which may be a tool error ({@code isError}). */
  COMPLETED,
  /** The call ended in a JSON-RPC error: a protocol error or an internal failure. */
  FAILED,
  /** The client cancelled the task before it ended. */
  CANCELLED;

  /** Returns the status as the wire spells it, such as {@code input_required}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns whether the task has ended: completed, failed or cancelled. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /**
   * Returns the status a wire name spells.
   *
   * @throws IllegalArgumentException for a name that is not a status
   */
  public static TaskStatus fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
