package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.toolsmith.runtime.Content;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.intercept.InvocationOutcome;
import dev.toolsmith.runtime.intercept.Outcome;
import dev.toolsmith.runtime.intercept.Outcome.Status;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** The outcomes interceptors are given: of a request, and of an invocation. */
final class Outcomes {
  private Outcomes() {}

  /** What every outcome has: a status, a duration and, for errors, what the client was told. */
  private abstract static class Base implements Outcome {
    final Status status;
    final long durationNanos;
    final int errorCode;
    final String errorMessage;
    final String errorId;
    private JsonNode result;

    Base(Status status, long startNanos, int errorCode, String errorMessage, String errorId) {
      this.status = status;
      this.durationNanos = System.nanoTime() - startNanos;
      this.errorCode = errorCode;
      this.errorMessage = errorMessage;
      this.errorId = errorId;
    }

    @Override
    public Status status() {
      return status;
    }

    @Override
    public Duration duration() {
      return Duration.ofNanos(durationNanos);
    }

    @Override
    public long durationNanos() {
      return durationNanos;
    }

    @Override
    public OptionalInt errorCode() {
      return status == Status.ERROR ? OptionalInt.of(errorCode) : OptionalInt.empty();
    }

    @Override
    public Optional<String> errorMessage() {
      return Optional.ofNullable(errorMessage);
    }

    @Override
    public Optional<String> errorId() {
      return Optional.ofNullable(errorId);
    }

    @Override
    public JsonNode result() {
      if (result == null) {
        result = render();
      }
      return result;
    }

    abstract JsonNode render();
  }

  /** Returns the outcome of a request from the reply it got. */
  static Outcome ofRequest(RequestView view, Reply reply) {
    Outcome invocation = view.invocation();
    String errorId = invocation == null ? null : invocation.errorId().orElse(null);
    if (reply.failure() != null) {
      return new RequestOutcome(
          Status.ERROR,
          view.startNanos(),
          reply.failure().code(),
          reply.failure().getMessage(),
          errorId,
          reply);
    }
    if (invocation == null) {
      return new RequestOutcome(Status.OK, view.startNanos(), 0, null, null, reply);
    }
    Status status = invocation.status();
    String toolError = status == Status.TOOL_ERROR ? invocation.errorMessage().orElse(null) : null;
    return new RequestOutcome(status, view.startNanos(), 0, toolError, errorId, reply);
  }

  /** Returns the outcome of a request that failed before it had a reply. */
  static Outcome ofRequestFailure(RequestView view, Throwable failure) {
    return new RequestOutcome(
        Status.ERROR,
        view.startNanos(),
        ProtocolException.INTERNAL_ERROR,
        "The server failed while answering: " + failure,
        null,
        null);
  }

  private static final class RequestOutcome extends Base {
    private final Reply reply;

    RequestOutcome(
        Status status,
        long startNanos,
        int errorCode,
        String errorMessage,
        String errorId,
        Reply reply) {
      super(status, startNanos, errorCode, errorMessage, errorId);
      this.reply = reply;
    }

    @Override
    JsonNode render() {
      if (reply == null || reply.json() == null) {
        return MissingNode.getInstance();
      }
      try {
        JsonNode whole = Json.parse(reply.json());
        JsonNode member = whole.has("error") ? whole.get("error") : whole.get("result");
        return member == null ? whole : member;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Returns the outcome of a tool invocation that answered with a result. */
  static Invoked ofTool(InvocationView view, ToolResult result) {
    return new Invoked(view, result, 0, null);
  }

  /** Returns the outcome of an invocation that ended in a JSON-RPC error or an input request. */
  static Invoked ofError(InvocationView view, ProtocolException error) {
    return new Invoked(view, null, error.code(), error);
  }

  /** Returns the outcome of a prompt or resource invocation that was served. */
  static Invoked served(InvocationView view) {
    return new Invoked(view, null, 0, null);
  }

  /** An invocation's outcome; for a tool with a result, the result interceptors may replace. */
  static final class Invoked extends Base implements InvocationOutcome {
    private final InvocationView view;
    private ToolResult result;

    private Invoked(
        InvocationView view, ToolResult result, int errorCode, ProtocolException error) {
      super(
          statusOf(result, error),
          view.startNanos(),
          errorCode,
          error != null && !(error instanceof InputRequiredSignal)
              ? error.getMessage()
              : errorText(result),
          view.errorId);
      this.view = view;
      this.result = result;
    }

    private static Status statusOf(ToolResult result, ProtocolException error) {
      if (error instanceof InputRequiredSignal) {
        return Status.INPUT_REQUIRED;
      }
      if (error != null) {
        return Status.ERROR;
      }
      return result != null && result.isError() ? Status.TOOL_ERROR : Status.OK;
    }

    private static String errorText(ToolResult result) {
      if (result == null || !result.isError()) {
        return null;
      }
      for (Content content : result.content()) {
        if (content instanceof Content.Text text) {
          return text.text();
        }
      }
      return null;
    }

    @Override
    public Status status() {
      return result == null ? super.status() : statusOf(result, null);
    }

    @Override
    public Optional<String> errorMessage() {
      return result == null ? super.errorMessage() : Optional.ofNullable(errorText(result));
    }

    @Override
    public Optional<ToolResult> toolResult() {
      return Optional.ofNullable(result);
    }

    @Override
    public void replaceResult(ToolResult replacement) {
      if (result == null) {
        throw new IllegalStateException(
            "Only a tool invocation that has a result can have it replaced; "
                + view.kind()
                + " '"
                + view.name()
                + "' ended "
                + status());
      }
      result = java.util.Objects.requireNonNull(replacement, "replacement");
    }

    @Override
    public Optional<Throwable> failure() {
      return Optional.ofNullable(view.failure);
    }

    /** The result as it stands after the interceptors, or {@code null}. */
    ToolResult current() {
      return result;
    }

    @Override
    JsonNode render() {
      if (result == null) {
        return MissingNode.getInstance();
      }
      String json =
          Json.write(
              gen -> {
                gen.writeStartObject();
                ResultWriter.writeToolResult(gen, result, null);
                gen.writeEndObject();
              });
      try {
        return Json.parse(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
