package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.task.TaskStoreException;

/** What the tasks extension refuses with, and how a failed task keeps its error. */
final class TaskRefusals {
  private TaskRefusals() {}

  /** -32021 naming the tasks extension, with the capabilities the client must declare. */
  static ProtocolException extensionRequired(String what) {
    ObjectNode data = Json.object();
    data.putObject("requiredCapabilities").putObject("extensions").putObject(TaskEngine.EXTENSION);
    return new ProtocolException(
        ProtocolException.MISSING_REQUIRED_CLIENT_CAPABILITY,
        ErrorKind.BAD_REQUEST,
        what
            + " needs the tasks extension: declare \""
            + TaskEngine.EXTENSION
            + "\" under \"extensions\" in _meta[\""
            + McpEngine.META_CLIENT_CAPABILITIES
            + "\"] (only "
            + ProtocolVersions.MODERN
            + " clients can).",
        data);
  }

  /** -32602 for a task the caller has not got: unknown, expired, or another's. */
  static ProtocolException unknownTask(String taskId, long ttlMillis) {
    return ProtocolException.invalidParams(
        "Unknown task '"
            + taskId
            + "': no task of yours has this id. Use the taskId a tools/call returned; tasks are"
            + " kept for "
            + ttlMillis
            + " ms after they are created.");
  }

  /** A change that lost the race to other changes too often: retry. */
  static ProtocolException busy(String taskId) {
    return new ProtocolException(
        ProtocolException.INTERNAL_ERROR,
        ErrorKind.UNAVAILABLE,
        "Task " + taskId + " kept changing while this request tried to change it; retry.",
        null,
        1);
  }

  /** A store outage, logged for the operator and answered with the store's message. */
  static ProtocolException storeFailure(TaskStoreException e) {
    InternalErrors.logger()
        .log(System.Logger.Level.ERROR, "Task store failure: " + e.getMessage(), e);
    return new ProtocolException(
        ProtocolException.INTERNAL_ERROR, ErrorKind.UNAVAILABLE, e.getMessage(), null);
  }

  /** Returns a JSON-RPC error object as a failed task keeps it. */
  static String errorJson(ProtocolException e) {
    ObjectNode error = Json.object();
    error.put("code", e.code());
    error.put("message", e.getMessage());
    if (e.data() != null) {
      error.set("data", e.data());
    }
    return Json.toString(error);
  }
}
