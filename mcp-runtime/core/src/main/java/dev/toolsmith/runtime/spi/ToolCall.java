package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.RequestContext;
import dev.toolsmith.runtime.session.Session;
import java.util.Objects;

/** One call of a tool: its JSON arguments and the context of the request that made it. */
@UsedByGeneratedCode
public interface ToolCall {

  /**
   * Returns the {@code arguments} object as the client sent it, or {@code null} when it sent none.
   */
  JsonNode arguments();

  /** Returns the request's context. */
  RequestContext context();

  /**
   * Returns the session of a tool that takes one.
   *
   * @throws IllegalStateException when the call carries none: the tool's descriptor was not made
   *     with {@link ToolDescriptor#withSession}, or a test built the call without a session
   */
  default Session session() {
    throw new IllegalStateException(
        "This call has no session. The runtime gives one to tools whose descriptor is "
            + "ToolDescriptor.withSession(...); to call such a tool directly, use ToolCall.of(arguments, context, session).");
  }

  /** Returns a call with the given arguments and no request behind it, for tests and scripts. */
  static ToolCall of(JsonNode arguments) {
    return of(arguments, RequestContext.none());
  }

  /** Returns a call with the given arguments and context. */
  static ToolCall of(JsonNode arguments, RequestContext context) {
    return of(arguments, context, null);
  }

  /**
   * Returns a call with the given arguments, context and session.
   *
   * @param session the session, or {@code null} for a call without one
   */
  static ToolCall of(JsonNode arguments, RequestContext context, Session session) {
    Objects.requireNonNull(context, "context");
    return new ToolCall() {
      @Override
      public JsonNode arguments() {
        return arguments;
      }

      @Override
      public RequestContext context() {
        return context;
      }

      @Override
      public Session session() {
        return session == null ? ToolCall.super.session() : session;
      }
    };
  }
}
