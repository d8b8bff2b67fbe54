package dev.toolsmith.processor;

import dev.toolsmith.annotations.McpScopes;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads the OAuth scopes a tool, resource or prompt requires: its own {@code @McpScopes}, else its
 * class's.
 */
final class ScopeReader {
  private ScopeReader() {}

  /**
   * Returns the scopes, reporting any that is not an RFC 6749 scope token; empty when none are
   * declared.
   */
  static List<String> read(ExecutableElement method, Report report) {
    McpScopes scopes = method.getAnnotation(McpScopes.class);
    Element declaredOn = method;
    if (scopes == null) {
      scopes = method.getEnclosingElement().getAnnotation(McpScopes.class);
      declaredOn = method.getEnclosingElement();
    }
    if (scopes == null) {
      return List.of();
    }
    for (String scope : scopes.value()) {
      if (!isScopeToken(scope)) {
        report.add(Message.INVALID_SCOPE, declaredOn, scope, method.getSimpleName());
      }
    }
    return List.of(scopes.value());
  }

  /**
   * RFC 6749 §3.3: one or more of %x21 / %x23-5B / %x5D-7E (visible ASCII but space, quote and
   * backslash).
   */
  private static boolean isScopeToken(String scope) {
    if (scope.isEmpty()) {
      return false;
    }
    for (int i = 0; i < scope.length(); i++) {
      char c = scope.charAt(i);
      if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
