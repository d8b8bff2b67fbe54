package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Completion;
import dev.toolsmith.runtime.InputRequest;
import dev.toolsmith.runtime.PromptMessage;
import dev.toolsmith.runtime.PromptResult;
import dev.toolsmith.runtime.ResourceContents;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.spi.PromptDescriptor;
import dev.toolsmith.runtime.spi.ResourceDescriptor;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.task.StoredTask;
import java.io.IOException;
import java.util.List;

/**
 * The result objects the engine answers with, each writing its own fields with the streaming
 * generator. The engine decides a result completely (a tool has run, a page is chosen) before any
 * byte is written, so a failure can still become an error reply.
 *
 * <p>Small named types rather than lambdas: a Lambda cold start then bootstraps no {@code
 * invokedynamic} call site on the request path.
 */
sealed interface Result {

  /**
   * Writes the result object's fields as the revision spells them; the caller writes its braces,
   * {@code resultType} and {@code _meta}.
   */
  void writeFields(JsonGenerator gen, WireRevision revision) throws IOException;

  /**
   * Returns the modern {@code resultType}: {@code complete} for every result but {@link
   * InputRequired}.
   */
  default String resultType() {
    return "complete";
  }

  /** Returns whether the result has fields of its own for {@code _meta}. */
  default boolean hasMeta() {
    return false;
  }

  /**
   * Writes the result's own {@code _meta} fields; the caller writes the braces and the server info.
   */
  default void writeMetaFields(JsonGenerator gen) throws IOException {}

  /** {@code ping}: exactly {@code {}}. */
  enum Empty implements Result {
    INSTANCE;

    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) {}
  }

  /** {@code initialize}: the negotiated version, capabilities, server info and instructions. */
  record Initialize(
      String version, ServerInfo info, Capabilities capabilities, boolean serverEvents)
      implements Result {
    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      gen.writeStringField("protocolVersion", version);
      capabilities.write(gen, true, serverEvents);
      writeServerInfo(gen, "serverInfo", info);
      if (info.instructions() != null) {
        gen.writeStringField("instructions", info.instructions());
      }
    }
  }

  /** {@code server/discover}: the modern versions, capabilities, instructions and caching hints. */
  record Discover(ServerInfo info, Capabilities capabilities, ListOptions caching)
      implements Result {
    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      gen.writeArrayFieldStart("supportedVersions");
      for (String version : ProtocolVersions.MODERN_VERSIONS) {
        gen.writeString(version);
      }
      gen.writeEndArray();
      capabilities.write(gen, false);
      if (info.instructions() != null) {
        gen.writeStringField("instructions", info.instructions());
      }
      caching.writeCaching(gen);
    }
  }

  /**
   * {@code tools/list}: one page, with caching hints on the modern wire ({@code caching} null
   * otherwise).
   */
  record ToolList(Paging.Page<ToolDescriptor> page, ListOptions caching) implements Result {
    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      gen.writeArrayFieldStart("tools");
      for (ToolDescriptor tool : page.items()) {
        gen.writeRawValue(revision.toolEntry(tool));
      }
      gen.writeEndArray();
      if (page.nextCursor() != null) {
        gen.writeStringField("nextCursor", page.nextCursor());
      }
      if (caching != null) {
        caching.writeCaching(gen);
      }
    }
  }

  /**
   * {@code tools/call}: the tool's {@code CallToolResult}.
   *
   * @param handBack the session handle to give back, or {@code null}: under {@value
   *     #META_SESSION_HANDLE} in {@code _meta} for programs and, when the request had no protocol
   *     session, as a last text block the model reads
   */
  record ToolCall(ToolResult result, SessionHandles.HandBack handBack) implements Result {
    static final String META_SESSION_HANDLE = "dev.toolsmith/sessionHandle";

    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      revision.writeToolResult(
          gen, result, handBack != null && handBack.toModel() ? handBack.handle() : null);
    }

    @Override
    public boolean hasMeta() {
      return handBack != null;
    }

    @Override
    public void writeMetaFields(JsonGenerator gen) throws IOException {
      if (handBack != null) {
        gen.writeStringField(META_SESSION_HANDLE, handBack.handle());
      }
    }
  }

  /**
   * {@code resources/list} or {@code resources/templates/list}: one page, with caching hints on the
   * modern wire.
   */
  record ResourceList(String field, Paging.Page<ResourceDescriptor> page, ListOptions caching)
      implements Result {
    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      gen.writeArrayFieldStart(field);
      for (ResourceDescriptor resource : page.items()) {
        gen.writeRawValue(resource.json());
      }
      gen.writeEndArray();
      if (page.nextCursor() != null) {
        gen.writeStringField("nextCursor", page.nextCursor());
      }
      if (caching != null) {
        caching.writeCaching(gen);
      }
    }
  }

  /** {@code resources/read}: the contents, with caching hints on the modern wire. */
  record ResourceRead(List<ResourceContents> contents, ListOptions caching) implements Result {
    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      gen.writeArrayFieldStart("contents");
      for (ResourceContents item : contents) {
        gen.writeStartObject();
        gen.writeStringField("uri", item.uri());
        if (item.mimeType() != null) {
          gen.writeStringField("mimeType", item.mimeType());
        }
        if (item.text() != null) {
          gen.writeStringField("text", item.text());
        } else {
          gen.writeStringField("blob", item.blob());
        }
        gen.writeEndObject();
      }
      gen.writeEndArray();
      if (caching != null) {
        caching.writeCaching(gen);
      }
    }
  }

  /** {@code prompts/list}: one page, with caching hints on the modern wire. */
  record PromptList(Paging.Page<PromptDescriptor> page, ListOptions caching) implements Result {
    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      gen.writeArrayFieldStart("prompts");
      for (PromptDescriptor prompt : page.items()) {
        gen.writeRawValue(prompt.json());
      }
      gen.writeEndArray();
      if (page.nextCursor() != null) {
        gen.writeStringField("nextCursor", page.nextCursor());
      }
      if (caching != null) {
        caching.writeCaching(gen);
      }
    }
  }

  /** {@code prompts/get}: the description, if any, and the messages. */
  record PromptGet(PromptResult prompt) implements Result {
    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      if (prompt.description() != null) {
        gen.writeStringField("description", prompt.description());
      }
      gen.writeArrayFieldStart("messages");
      for (PromptMessage message : prompt.messages()) {
        gen.writeStartObject();
        gen.writeStringField("role", message.role().wire());
        gen.writeFieldName("content");
        ResultWriter.writeContent(gen, message.content());
        gen.writeEndObject();
      }
      gen.writeEndArray();
    }
  }

  /**
   * A multi-round-trip request's {@code input_required} result: what the client must answer before
   * it sends the request again, and the signed state to send with it.
   */
  record InputRequired(List<InputRequest> requests, String requestState) implements Result {
    @Override
    public String resultType() {
      return "input_required";
    }

    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      gen.writeFieldName("inputRequests");
      writeRequests(gen, requests);
      gen.writeStringField("requestState", requestState);
    }

    /** Returns the {@code inputRequests} object of these requests as JSON text, for a task. */
    static String requestsJson(List<InputRequest> requests) {
      return Json.write(gen -> writeRequests(gen, requests));
    }

    private static void writeRequests(JsonGenerator gen, List<InputRequest> requests)
        throws IOException {
      gen.writeStartObject();
      for (InputRequest request : requests) {
        gen.writeObjectFieldStart(request.key());
        gen.writeStringField("method", request.method());
        gen.writeFieldName("params");
        Json.write(gen, request.params());
        gen.writeEndObject();
      }
      gen.writeEndObject();
    }
  }

  /**
   * A {@code CreateTaskResult}: the new task's handle and seed state, flat on the result ({@code
   * resultType: "task"}); never its result, error or input requests, which {@code tasks/get}
   * carries.
   */
  record TaskCreated(StoredTask task, long pollIntervalMillis) implements Result {
    @Override
    public String resultType() {
      return "task";
    }

    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      writeTask(gen, task, pollIntervalMillis);
    }
  }

  /**
   * {@code tasks/get}: the task with what its status carries: the input requests it waits for, the
   * tool's result once completed, or the JSON-RPC error once failed.
   */
  record TaskDetail(StoredTask task, long pollIntervalMillis) implements Result {
    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      writeTask(gen, task, pollIntervalMillis);
      StoredTask.State state = task.state();
      writeRaw(gen, "inputRequests", state.inputRequests());
      writeRaw(gen, "result", state.result());
      writeRaw(gen, "error", state.error());
    }

    private static void writeRaw(JsonGenerator gen, String field, String json) throws IOException {
      if (json != null) {
        gen.writeFieldName(field);
        gen.writeRawValue(json);
      }
    }
  }

  /**
   * The end of a {@code subscriptions/listen} stream: an empty result naming the subscription in
   * {@code _meta}.
   */
  record SubscriptionEnded(JsonNode subscription) implements Result {
    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) {}

    @Override
    public boolean hasMeta() {
      return true;
    }

    @Override
    public void writeMetaFields(JsonGenerator gen) throws IOException {
      gen.writeFieldName(TaskSubscriptions.META_SUBSCRIPTION_ID);
      Json.write(gen, subscription);
    }
  }

  /** Writes the fields every task message has: id, status, times, time to live, poll interval. */
  private static void writeTask(JsonGenerator gen, StoredTask task, long pollIntervalMillis)
      throws IOException {
    gen.writeStringField("taskId", task.taskId());
    gen.writeStringField("status", task.state().status().wire());
    gen.writeStringField("createdAt", task.createdAt().toString());
    gen.writeStringField("lastUpdatedAt", task.state().lastUpdatedAt().toString());
    gen.writeNumberField("ttlMs", task.ttlMs());
    gen.writeNumberField("pollIntervalMs", pollIntervalMillis);
  }

  /** {@code completion/complete}: the suggestions. */
  record CompletionResult(Completion completion) implements Result {
    @Override
    public void writeFields(JsonGenerator gen, WireRevision revision) throws IOException {
      gen.writeObjectFieldStart("completion");
      gen.writeArrayFieldStart("values");
      for (String value : completion.values()) {
        gen.writeString(value);
      }
      gen.writeEndArray();
      if (completion.total() != null) {
        gen.writeNumberField("total", completion.total());
      }
      gen.writeBooleanField("hasMore", completion.hasMore());
      gen.writeEndObject();
    }
  }

  /** Writes {@code {"name": ..., "version": ...}} under the given field. */
  static void writeServerInfo(JsonGenerator gen, String field, ServerInfo info) throws IOException {
    gen.writeObjectFieldStart(field);
    gen.writeStringField("name", info.name());
    gen.writeStringField("version", info.version());
    gen.writeEndObject();
  }
}
