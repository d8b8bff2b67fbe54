package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's token lacks a scope a tool, resource or prompt requires ({@code @McpScopes}): a
 * {@link ErrorKind#FORBIDDEN}, which the Streamable HTTP rules answer with 403 and {@code
 * WWW-Authenticate: Bearer error="insufficient_scope", scope="..."} naming every scope needed, so a
 * client can ask its user to grant them.
 */
public final class InsufficientScopeException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> required;

  private InsufficientScopeException(String what, List<String> required, List<String> missing) {
    super(
        TRANSPORT_ERROR,
        ErrorKind.FORBIDDEN,
        what
            + " needs the OAuth scope"
            + (missing.size() == 1 ? " " : "s ")
            + String.join(", ", missing)
            + ", which the caller's token does not grant. Ask for a token with "
            + String.join(" ", required)
            + ".",
        data(required));
    this.required = List.copyOf(required);
  }

  /** Returns every scope the operation needs, for the challenge. */
  public List<String> requiredScopes() {
    return required;
  }

  /**
   * Checks that a caller holds every required scope.
   *
   * @param kind what is called, such as {@code Tool}
   * @param name its name, such as {@code post_message}; the message is made only on a refusal
   * @throws InsufficientScopeException when a scope is missing
   */
  static void check(String kind, String name, List<String> required, Identity caller) {
    if (required.isEmpty()) {
      return;
    }
    List<String> missing = new ArrayList<>();
    for (String scope : required) {
      if (!caller.hasScope(scope)) {
        missing.add(scope);
      }
    }
    if (!missing.isEmpty()) {
      throw new InsufficientScopeException(kind + " '" + name + "'", required, missing);
    }
  }

  private static ObjectNode data(List<String> required) {
    ObjectNode data = Json.object();
    ArrayNode scopes = data.putArray("requiredScopes");
    for (String scope : required) {
      scopes.add(scope);
    }
    return data;
  }
}
