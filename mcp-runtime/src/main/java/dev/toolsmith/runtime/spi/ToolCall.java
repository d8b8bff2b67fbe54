package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.RequestContext;
import java.util.Objects;

/** One call of a tool: its JSON arguments and the context of the request that made it. */
@UsedByGeneratedCode
public interface ToolCall {

  /** Returns the {@code arguments} object as the client sent it, or {@code null} when it sent none. */
  JsonNode arguments();

  /** Returns the request's context. */
  RequestContext context();

  /** Returns a call with the given arguments and no request behind it, for tests and scripts. */
  static ToolCall of(JsonNode arguments) {
    return of(arguments, RequestContext.none());
  }

  /** Returns a call with the given arguments and context. */
  static ToolCall of(JsonNode arguments, RequestContext context) {
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
    };
  }
}
