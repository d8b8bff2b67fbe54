package dev.toolsmith.runtime.spi;

import dev.toolsmith.runtime.RequestContext;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code resources/read}: the URI asked for, the values its template's variables matched
 * (percent-decoded; empty for a static resource), and the request's context.
 */
@UsedByGeneratedCode
public interface ResourceCall {

  /** Returns the URI the client asked to read. */
  String uri();

  /** Returns the template variables the URI matched, by name. */
  Map<String, String> variables();

  /** Returns the request's context. */
  RequestContext context();

  /** Returns a call, for tests and scripts. */
  static ResourceCall of(String uri, Map<String, String> variables, RequestContext context) {
    Objects.requireNonNull(uri, "uri");
    Map<String, String> copy = Map.copyOf(variables);
    Objects.requireNonNull(context, "context");
    return new ResourceCall() {
      @Override
      public String uri() {
        return uri;
      }

      @Override
      public Map<String, String> variables() {
        return copy;
      }

      @Override
      public RequestContext context() {
        return context;
      }
    };
  }
}
