package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.Inputs;
import dev.toolsmith.runtime.LogLevel;
import dev.toolsmith.runtime.NotificationSink;
import dev.toolsmith.runtime.RequestContext;
import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.util.Optional;

/** The {@link RequestContext} of one request the engine is serving. */
final class CallContext implements RequestContext {
  private static final String INPUTS_UNAVAILABLE = "this method cannot ask the client for input.";

  private final JsonNode requestId;
  private final String protocolVersion;
  private final TransportAttributes attributes;
  private final JsonNode clientCapabilities;
  private final JsonNode progressToken;
  private final NotificationSink sink;
  private final Identity identity;
  private final String serverName;
  private LogLevel logLevel;
  private Inputs inputs;
  private ClientChannel client;
  private boolean continuableAsTask;
  private TaskRun task;
  private RequestView intercepted;

  /** Why a handshake-era call has no held stream, when that is why it cannot ask; else null. */
  private String noStreamReason;

  CallContext(
      JsonNode requestId,
      String protocolVersion,
      TransportAttributes attributes,
      JsonNode clientCapabilities,
      JsonNode progressToken,
      NotificationSink sink,
      Identity identity,
      String serverName) {
    this.requestId = requestId;
    this.protocolVersion = protocolVersion;
    this.attributes = attributes;
    this.clientCapabilities = clientCapabilities;
    this.progressToken = progressToken;
    this.sink = sink;
    this.identity = identity;
    this.serverName = serverName;
  }

  /** Sends log messages of this level and above; {@code null}, the default, sends none. */
  CallContext logLevel(LogLevel level) {
    this.logLevel = level;
    return this;
  }

  /** Lets interceptors see the request this call serves. */
  CallContext intercepted(RequestView request) {
    this.intercepted = request;
    return this;
  }

  /** Returns the request interceptors see, or {@code null} when none are installed. */
  RequestView intercepted() {
    return intercepted;
  }

  /** Lets the method ask the client for input through these. */
  CallContext inputs(Inputs inputs) {
    this.inputs = inputs;
    return this;
  }

  /** Links the run to its client over a held stream, so {@link #isCancelled()} follows it. */
  CallContext client(ClientChannel client) {
    this.client = client;
    return this;
  }

  /** Returns whether the run is linked to its client over a held stream. */
  boolean held() {
    return client != null;
  }

  /** Lets a {@code startInline} task tool go on as a task ({@link #continueAsTask()}). */
  CallContext continuableAsTask() {
    this.continuableAsTask = true;
    return this;
  }

  /** Marks the run as a task's, which the task's cancel ends. */
  CallContext inTask(TaskRun task) {
    this.task = task;
    return this;
  }

  @Override
  public boolean isCancelled() {
    return (client != null && client.isCancelled()) || (task != null && task.isCancelled());
  }

  @Override
  public void continueAsTask() {
    if (continuableAsTask) {
      throw TaskSignal.create();
    }
  }

  @Override
  public boolean inTask() {
    return task != null;
  }

  /**
   * Marks a handshake-era call without a held stream, so asking for input explains that; the
   * explanation is written only if a tool asks, which few calls do.
   */
  CallContext noHeldStream(String reason) {
    this.noStreamReason = reason;
    return this;
  }

  @Override
  public Inputs inputs() {
    if (inputs == null) {
      // Made only when a method asks: most requests never do, and this keeps them from paying for
      // it.
      inputs =
          CallInputs.unavailable(
              noStreamReason == null
                  ? INPUTS_UNAVAILABLE
                  : Refusals.legacyCannotAnswer(noStreamReason));
    }
    return inputs;
  }

  @Override
  public void log(LogLevel level, String message) {
    if (logLevel == null || level.ordinal() < logLevel.ordinal()) {
      return;
    }
    sendNotification(
        "notifications/message",
        gen -> {
          gen.writeStringField("level", level.wire());
          gen.writeStringField("logger", serverName);
          gen.writeStringField("data", message);
        });
  }

  @Override
  public Identity identity() {
    return identity;
  }

  @Override
  public String requestId() {
    return requestId == null ? "" : requestId.asText();
  }

  @Override
  public String protocolVersion() {
    return protocolVersion;
  }

  @Override
  public Optional<String> header(String name) {
    Optional<Headers> headers = attributes.get(Headers.class);
    return headers.isPresent() ? Optional.ofNullable(headers.get().first(name)) : Optional.empty();
  }

  @Override
  public <T> Optional<T> transportAttribute(Class<T> type) {
    return attributes.get(type);
  }

  /** Returns the capabilities a modern client declared, or {@code null} in the handshake era. */
  JsonNode clientCapabilities() {
    return clientCapabilities;
  }

  @Override
  public boolean hasClientCapability(String name) {
    return clientCapabilities != null && clientCapabilities.has(name);
  }

  @Override
  public void requireClientCapability(String name) {
    if (!hasClientCapability(name)) {
      throw new ProtocolException(
          ProtocolException.MISSING_REQUIRED_CLIENT_CAPABILITY,
          ErrorKind.BAD_REQUEST,
          "This request needs the client capability '"
              + name
              + "', which the client did not declare in "
              + "_meta[\"io.modelcontextprotocol/clientCapabilities\"]. Declare it, or do not call this tool.",
          Json.object().set("requiredCapabilities", Json.object().set(name, Json.object())));
    }
  }

  @Override
  public void progress(double progress, double total, String message) {
    if (progressToken == null) {
      return;
    }
    sendNotification(
        "notifications/progress",
        gen -> {
          gen.writeFieldName("progressToken");
          Json.write(gen, progressToken);
          writeNumber(gen, "progress", progress);
          if (total >= 0) {
            writeNumber(gen, "total", total);
          }
          if (message != null) {
            gen.writeStringField("message", message);
          }
        });
  }

  /** Sends a notification on this request's stream, with the params the writer fills in. */
  void notify(String method, Json.GeneratorAction params) {
    sendNotification(method, params);
  }

  /**
   * Sends a notification of this request: the JSON-RPC envelope around the params the writer fills
   * in.
   */
  private void sendNotification(String method, Json.GeneratorAction params) {
    sink.send(
        Json.write(
            gen -> {
              gen.writeStartObject();
              gen.writeStringField("jsonrpc", "2.0");
              gen.writeStringField("method", method);
              gen.writeObjectFieldStart("params");
              params.writeTo(gen);
              gen.writeEndObject();
              gen.writeEndObject();
            }));
  }

  private static void writeNumber(JsonGenerator gen, String name, double value) throws IOException {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      gen.writeNumberField(name, (long) value);
    } else {
      gen.writeNumberField(name, value);
    }
  }
}
