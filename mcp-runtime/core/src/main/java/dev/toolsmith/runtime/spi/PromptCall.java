package dev.toolsmith.runtime.spi;

import dev.toolsmith.runtime.RequestContext;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code prompts/get}: the arguments given (MCP prompt arguments are strings) and the request's
 * context.
 */
@UsedByGeneratedCode
public interface PromptCall {

  /** Returns the arguments by name; absent ones are missing from the map. */
  Map<String, String> arguments();

  /** Returns the request's context. */
  RequestContext context();

  /** Returns a call, for tests and scripts. */
  static PromptCall of(Map<String, String> arguments, RequestContext context) {
    Map<String, String> copy = Map.copyOf(arguments);
    Objects.requireNonNull(context, "context");
    return new PromptCall() {
      @Override
      public Map<String, String> arguments() {
        return copy;
      }

      @Override
      public RequestContext context() {
        return context;
      }
    };
  }
}
