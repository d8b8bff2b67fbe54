package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.NotificationSink;
import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.task.StoredTask;
import dev.toolsmith.runtime.task.TaskStatus;
import dev.toolsmith.runtime.task.TaskStoreException;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks extension ({@code io.modelcontextprotocol/tasks}): turns a task tool's call into a
 * task, runs the task in the background, and serves {@code tasks/get}, {@code tasks/update} and
 * {@code tasks/cancel}.
 *
 * <p>A task's tool runs the way a multi-round-trip call does: when it asks for input it has not
 * been given, the run ends and the task waits in {@code input_required}; once {@code tasks/update}
 * has answered every request, the tool runs again from the top with all answers so far. Every
 * change is a conditional write of the task's next version, so a cancel and the tool's result never
 * both win: whichever is written second is refused and dropped.
 *
 * <p>A tool error ({@code isError}) completes the task; a JSON-RPC error, or an internal failure of
 * the tool, fails it with the error inlined. Tasks are bound to their creator as sessions are: a
 * caller who did not create a task is told it does not exist.
 */
final class TaskEngine {
  /** The extension's identifier, under {@code extensions} in both sides' capabilities. */
  static final String EXTENSION = "io.modelcontextprotocol/tasks";

  /** How often a change is re-read and retried when another change won the write. */
  private static final int WRITE_ATTEMPTS = 8;

  private final TaskSettings settings;
  private final ToolInvoker invoker;
  private final String serverName;
  private final Map<String, TaskRun> running = new ConcurrentHashMap<>();
  private final TaskSubscriptions subscriptions;

  TaskEngine(TaskSettings settings, ToolInvoker invoker, String serverName) {
    this.settings = settings;
    this.invoker = invoker;
    this.serverName = serverName;
    this.subscriptions = new TaskSubscriptions(settings.pollIntervalMillis());
  }

  /** Returns whether a request's client capabilities declare the tasks extension. */
  static boolean declared(JsonNode capabilities) {
    JsonNode extensions = capabilities == null ? null : capabilities.get("extensions");
    return extensions != null && extensions.has(EXTENSION);
  }

  /**
   * Calls a task tool: as a task when the client declared the extension (at once, or when a {@code
   * startInline} tool asks), as an ordinary call otherwise.
   *
   * @param inputs the call's multi-round-trip inputs on the modern wire, {@code null} otherwise
   * @throws ProtocolException -32021 when the tool runs only as a task and the client did not
   *     declare the extension
   */
  Result call(
      ToolRegistry.Entry entry, JsonNode arguments, CallContext context, CallInputs inputs) {
    ToolDescriptor tool = entry.descriptor();
    boolean declared = declared(context.clientCapabilities());
    if (!declared) {
      if (tool.taskSupport() == ToolDescriptor.TaskSupport.REQUIRED) {
        throw TaskRefusals.extensionRequired(
            "Tool '" + tool.name() + "' runs only as a task, so it");
      }
      return invoker.call(entry, arguments, context, null);
    }
    if (!tool.startsInline()) {
      return create(tool.name(), arguments, context, inputs);
    }
    try {
      return invoker.call(entry, arguments, context.continuableAsTask(), null);
    } catch (TaskSignal signal) {
      return create(tool.name(), arguments, context, inputs);
    }
  }

  /** {@code tasks/get}: the caller's task with its status and, once it has one, result or error. */
  Result get(JsonRpcMessage.Request request, CallContext context) {
    requireDeclared(request.method(), context);
    String taskId = request.requiredText("taskId");
    return new Result.TaskDetail(
        owned(taskId, context.identity())
            .orElseThrow(() -> TaskRefusals.unknownTask(taskId, settings.ttlMillis())),
        settings.pollIntervalMillis());
  }

  /**
   * {@code tasks/update}: takes the client's answers to the task's outstanding input requests. An
   * answer to a key that is not outstanding is ignored, and an unknown task is acknowledged too, as
   * the extension asks; once every request is answered, the tool runs again.
   */
  Result update(JsonRpcMessage.Request request, CallContext context) {
    requireDeclared(request.method(), context);
    String taskId = request.requiredText("taskId");
    JsonNode responses = request.param("inputResponses");
    if (responses == null || !responses.isObject()) {
      throw ProtocolException.invalidParams(
          "tasks/update needs \"params.inputResponses\": an object of the task's input keys to the"
              + " client's results"
              + (responses == null ? "." : ", got " + Json.preview(responses) + "."));
    }
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      StoredTask task = owned(taskId, context.identity()).orElse(null);
      if (task == null || task.state().status() != TaskStatus.INPUT_REQUIRED) {
        return Result.Empty.INSTANCE;
      }
      StoredTask.State state = task.state();
      ObjectNode pending = parseObject(state.inputRequests());
      ObjectNode answers = parseObject(state.answers());
      boolean answered = false;
      for (Map.Entry<String, JsonNode> response : responses.properties()) {
        if (!pending.has(response.getKey())) {
          continue;
        }
        if (!response.getValue().isObject()) {
          throw ProtocolException.invalidParams(
              "\"params.inputResponses."
                  + response.getKey()
                  + "\" must be the result object of the client method the task asked for, got "
                  + Json.preview(response.getValue())
                  + ".");
        }
        answers.set(response.getKey(), response.getValue());
        pending.remove(response.getKey());
        answered = true;
      }
      if (!answered) {
        return Result.Empty.INSTANCE;
      }
      boolean complete = pending.isEmpty();
      StoredTask next =
          task.with(
              state.next(
                  complete ? TaskStatus.WORKING : TaskStatus.INPUT_REQUIRED,
                  Instant.now(),
                  Json.toString(answers),
                  state.values(),
                  complete ? null : Json.toString(pending)));
      if (replace(next)) {
        if (complete) {
          launch(taskId);
        }
        return Result.Empty.INSTANCE;
      }
    }
    throw TaskRefusals.busy(taskId);
  }

  /**
   * {@code tasks/cancel}: ends the caller's task as cancelled and interrupts its tool. A task that
   * has already ended stays as it is; either way the answer is the same empty acknowledgement.
   */
  Result cancel(JsonRpcMessage.Request request, CallContext context) {
    requireDeclared(request.method(), context);
    String taskId = request.requiredText("taskId");
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      StoredTask task =
          owned(taskId, context.identity())
              .orElseThrow(() -> TaskRefusals.unknownTask(taskId, settings.ttlMillis()));
      if (task.state().status().isTerminal()) {
        return Result.Empty.INSTANCE;
      }
      if (replace(task.with(task.state().ended(TaskStatus.CANCELLED, Instant.now(), null, null)))) {
        running.computeIfPresent(
            taskId,
            (id, run) -> {
              run.cancel();
              return run;
            });
        return Result.Empty.INSTANCE;
      }
    }
    throw TaskRefusals.busy(taskId);
  }

  /**
   * {@code subscriptions/listen}: status notifications for the caller's tasks it names, on the
   * request's held stream ({@link TaskSubscriptions}).
   */
  Result listen(JsonRpcMessage.Request request, CallContext context) {
    return subscriptions.listen(request, context, taskId -> owned(taskId, context.identity()));
  }

  /** Makes a task of a call, stores it, starts it, and returns its handle. */
  private Result.TaskCreated create(
      String tool, JsonNode arguments, CallContext context, CallInputs inputs) {
    Instant now = Instant.now();
    Identity caller = context.identity();
    StoredTask task =
        new StoredTask(
            UUID.randomUUID().toString(),
            SessionOwners.of(caller),
            caller,
            new StoredTask.Call(
                tool,
                context.protocolVersion(),
                arguments == null ? null : Json.toString(arguments),
                Json.toString(context.clientCapabilities())),
            now,
            settings.ttlMillis(),
            StoredTask.State.created(
                now,
                inputs == null ? "{}" : inputs.answersJson(),
                inputs == null ? "{}" : inputs.valuesJson()));
    try {
      settings.store().create(task);
    } catch (TaskStoreException e) {
      throw TaskRefusals.storeFailure(e);
    }
    launch(task.taskId());
    return new Result.TaskCreated(task, settings.pollIntervalMillis());
  }

  private void launch(String taskId) {
    try {
      settings.launcher().launch(taskId, () -> run(taskId));
    } catch (RuntimeException e) {
      fail(taskId, InternalErrors.protocolError("Starting task " + taskId, e));
    }
  }

  /**
   * Runs a working task's tool once: to its result, to its next input request, or to a failure, and
   * writes where that leaves the task. Does nothing for a task that is not working (cancelled or
   * already run by another launch).
   */
  void run(String taskId) {
    StoredTask task;
    try {
      task = settings.store().find(taskId).orElse(null);
    } catch (TaskStoreException e) {
      InternalErrors.log("Reading task " + taskId + " to run it", e);
      return;
    }
    if (task == null || task.state().status() != TaskStatus.WORKING) {
      return;
    }
    TaskRun run = new TaskRun(Thread.currentThread(), taskId, settings.store());
    running.put(taskId, run);
    try {
      // False when a cancel (or the time to live) got there first: its state stands.
      write(task.with(runTool(task, run)));
    } catch (TaskStoreException e) {
      InternalErrors.log("Writing the state of task " + taskId, e);
    } finally {
      running.remove(taskId);
      // A cancel's interrupt is for this task's tool, not for whatever this thread runs next.
      Thread.interrupted();
    }
  }

  private StoredTask.State runTool(StoredTask task, TaskRun run) {
    StoredTask.State state = task.state();
    StoredTask.Call call = task.call();
    JsonNode capabilities = parseObject(call.clientCapabilities());
    CallInputs inputs =
        CallInputs.ofTask(capabilities, parseObject(state.answers()), parseObject(state.values()));
    CallContext context =
        new CallContext(
                null,
                call.protocolVersion(),
                TransportAttributes.none(),
                capabilities,
                null,
                NotificationSink.DISCARD,
                task.caller(),
                serverName)
            .inputs(inputs)
            .inTask(run);
    try {
      Result.ToolCall result =
          invoker.callFailingInternally(call.tool(), parse(call.arguments()), context);
      String json =
          Json.write(
              gen -> {
                gen.writeStartObject();
                WireRevision.of(call.protocolVersion()).writeToolResult(gen, result.result(), null);
                gen.writeEndObject();
              });
      return state.ended(TaskStatus.COMPLETED, Instant.now(), json, null);
    } catch (InputRequiredSignal signal) {
      return state.next(
          TaskStatus.INPUT_REQUIRED,
          Instant.now(),
          state.answers(),
          inputs.valuesJson(),
          Result.InputRequired.requestsJson(signal.requests()));
    } catch (ProtocolException e) {
      return state.ended(TaskStatus.FAILED, Instant.now(), null, TaskRefusals.errorJson(e));
    }
  }

  /**
   * Fails a task that could not be started, unless something else changed it first. A store that
   * fails too is logged: the request that launched the task has answered already, or will.
   */
  private void fail(String taskId, ProtocolException error) {
    try {
      StoredTask task = settings.store().find(taskId).orElse(null);
      if (task != null && !task.state().status().isTerminal()) {
        write(
            task.with(
                task.state()
                    .ended(TaskStatus.FAILED, Instant.now(), null, TaskRefusals.errorJson(error))));
      }
    } catch (TaskStoreException e) {
      InternalErrors.log("Failing task " + taskId + ", which could not start", e);
    }
  }

  /** Writes a request's change to a task; a store outage is the request's JSON-RPC error. */
  private boolean replace(StoredTask next) {
    try {
      return write(next);
    } catch (TaskStoreException e) {
      throw TaskRefusals.storeFailure(e);
    }
  }

  /** Writes a task's next version and wakes its subscribers; false when another change won. */
  private boolean write(StoredTask next) {
    boolean written = settings.store().replace(next);
    if (written) {
      subscriptions.changed(next.taskId());
    }
    return written;
  }

  /** Returns the task if it exists and the caller created it; another's is treated as unknown. */
  private Optional<StoredTask> owned(String taskId, Identity caller) {
    Optional<StoredTask> task;
    try {
      task = settings.store().find(taskId);
    } catch (TaskStoreException e) {
      throw TaskRefusals.storeFailure(e);
    }
    String owner = SessionOwners.of(caller);
    return task.filter(found -> found.owner().equals(owner));
  }

  private static void requireDeclared(String method, CallContext context) {
    if (!declared(context.clientCapabilities())) {
      throw TaskRefusals.extensionRequired(method);
    }
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Json.parse(json);
    } catch (IOException e) {
      throw new IllegalStateException("A stored task holds JSON that does not parse", e);
    }
  }

  private static ObjectNode parseObject(String json) {
    if (parse(json) instanceof ObjectNode object) {
      return object;
    }
    throw new IllegalStateException("A stored task holds JSON that is not an object: " + json);
  }
}
