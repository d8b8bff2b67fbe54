package dev.toolsmith.runtime.task;

import dev.toolsmith.runtime.Identity;
import java.time.Instant;
import java.util.Objects;

/**
 * One task as a {@link TaskStore} keeps it: who created it, the call it runs, and where it is.
 *
 * <p>JSON values are kept as JSON text, so a store can write them as they are (a DynamoDB string
 * attribute, a text column) without knowing their shape. Every change makes a new record with the
 * next {@link State#version()}, which a store writes only over the version before it.
 *
 * @param taskId the server-minted, unguessable id the client names the task by
 * @param owner who may see and cancel the task: the creating caller's issuer and subject, or {@code
 *     anonymous} on a server without authentication
 * @param caller the creating caller's identity, which the tool sees when it runs
 * @param call the tool call the task runs
 * @param createdAt when the task was created
 * @param ttlMs how long after {@code createdAt} the task stays readable
 * @param state where the task is now
 */
public record StoredTask(
    String taskId,
    String owner,
    Identity caller,
    Call call,
    Instant createdAt,
    long ttlMs,
    State state) {

  /** Checks that every part is there. */
  public StoredTask {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(state, "state");
    if (ttlMs <= 0) {
      throw new IllegalArgumentException("ttlMs must be positive, got " + ttlMs);
    }
  }

  /** Returns when the task stops being readable. */
  public Instant expiresAt() {
    return createdAt.plusMillis(ttlMs);
  }

  /** Returns whether the task's time to live has passed. */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt());
  }

  /** Returns this task in a new state, whose version must be the next one. */
  public StoredTask with(State next) {
    if (next.version() != state.version() + 1) {
      throw new IllegalArgumentException(
          "A task's next state has version " + (state.version() + 1) + ", got " + next.version());
    }
    return new StoredTask(taskId, owner, caller, call, createdAt, ttlMs, next);
  }

  /**
   * The {@code tools/call} a task runs.
   *
   * @param tool the tool's name
   * @param protocolVersion the protocol version of the creating request
   * @param arguments the call's arguments as a JSON object, or {@code null} for none
   * @param clientCapabilities the capabilities the creating request declared, as a JSON object; the
   *     tool may ask only for input these allow
   */
  public record Call(
      String tool, String protocolVersion, String arguments, String clientCapabilities) {
    /** Checks that the tool, version and capabilities are there. */
    public Call {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(protocolVersion, "protocolVersion");
      Objects.requireNonNull(clientCapabilities, "clientCapabilities");
    }
  }

  /**
   * Where a task is.
   *
   * @param status its status
   * @param lastUpdatedAt when the state last changed
   * @param version 1 for a new task, one more with each change
   * @param answers the client's answers so far, as a JSON object of input keys to results
   * @param values what the tool stored for its later runs ({@code Inputs.putState}), as a JSON
   *     object
   * @param inputRequests what the task waits for when {@code input_required}: a JSON object of
   *     input keys to {@code {method, params}}; {@code null} otherwise
   * @param result the tool's {@code CallToolResult} as a JSON object once {@code completed}; {@code
   *     null} otherwise
   * @param error the JSON-RPC error object ({@code code}, {@code message}, {@code data}) once
   *     {@code failed}; {@code null} otherwise
   */
  public record State(
      TaskStatus status,
      Instant lastUpdatedAt,
      long version,
      String answers,
      String values,
      String inputRequests,
      String result,
      String error) {
    /** Checks that the state is whole for its status. */
    public State {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
      Objects.requireNonNull(answers, "answers");
      Objects.requireNonNull(values, "values");
      if ((status == TaskStatus.INPUT_REQUIRED) != (inputRequests != null)) {
        throw new IllegalArgumentException("inputRequests are kept exactly when input_required");
      }
      if ((status == TaskStatus.COMPLETED) != (result != null)) {
        throw new IllegalArgumentException("A result is kept exactly when completed");
      }
      if ((status == TaskStatus.FAILED) != (error != null)) {
        throw new IllegalArgumentException("An error is kept exactly when failed");
      }
    }

    /** Returns the state of a new task: working, version 1, with what the call brought. */
    public static State created(Instant now, String answers, String values) {
      return new State(TaskStatus.WORKING, now, 1, answers, values, null, null, null);
    }

    /**
     * Returns the final state: completed with a result, failed with an error, or cancelled with
     * neither; the answers and values stay as they were.
     */
    public State ended(TaskStatus status, Instant now, String result, String error) {
      if (!status.isTerminal()) {
        throw new IllegalArgumentException(status + " is not a final status");
      }
      return new State(status, now, version + 1, answers, values, null, result, error);
    }

    /** Returns the next state with new answers, values and status. */
    public State next(
        TaskStatus status, Instant now, String answers, String values, String inputRequests) {
      return new State(status, now, version + 1, answers, values, inputRequests, null, null);
    }
  }
}
