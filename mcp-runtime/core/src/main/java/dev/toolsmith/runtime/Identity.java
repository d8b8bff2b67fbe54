package dev.toolsmith.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who made a request, as the server's {@link dev.toolsmith.runtime.auth.Authenticator} established
 * it.
 *
 * <p>Declare a parameter of this type on an {@code @McpTool} method and the runtime passes the
 * caller's identity; it is not part of the tool's arguments, so a tool takes who is calling from
 * the verified credential and never from an argument the model could fill in.
 *
 * <pre>{@code
 * @McpTool
 * String whoAmI(Identity caller) {
 *   return caller.name().orElse(caller.subject());
 * }
 * }</pre>
 *
 * <p>Without authentication, and on transports that carry no HTTP credentials (stdio, a direct
 * Lambda invoke), the identity is {@link #anonymous()}. A shared bearer token identifies no one in
 * particular: every caller with it is the subject {@value #SHARED_TOKEN_SUBJECT}.
 */
public final class Identity {
  /** The subject of every caller that presented the server's shared bearer token. */
  public static final String SHARED_TOKEN_SUBJECT = "shared-bearer-token";

  private static final Identity ANONYMOUS =
      new Identity("anonymous", false, Set.of(), Json.object());

  private final String subject;
  private final boolean authenticated;
  private final Set<String> scopes;
  private final ObjectNode claims;

  private Identity(String subject, boolean authenticated, Set<String> scopes, ObjectNode claims) {
    this.subject = subject;
    this.authenticated = authenticated;
    this.scopes = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(scopes));
    this.claims = claims;
  }

  /** Returns the identity of a request nobody authenticated. */
  public static Identity anonymous() {
    return ANONYMOUS;
  }

  /**
   * Returns an authenticated identity.
   *
   * @param subject a stable id of the caller, such as a token's {@code sub} claim
   * @param scopes the scopes the credential grants
   * @param claims the credential's claims, as JSON; copied
   */
  public static Identity of(String subject, Set<String> scopes, ObjectNode claims) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("An identity needs a subject");
    }
    return new Identity(
        subject,
        true,
        Objects.requireNonNull(scopes, "scopes"),
        claims == null ? Json.object() : claims.deepCopy());
  }

  /** Returns the caller's stable id; {@code anonymous} when nobody authenticated. */
  public String subject() {
    return subject;
  }

  /** Returns whether an authenticator vouched for this identity. */
  public boolean isAuthenticated() {
    return authenticated;
  }

  /** Returns the scopes the caller's credential grants, in the order it lists them. */
  public Set<String> scopes() {
    return scopes;
  }

  /** Returns whether the caller's credential grants a scope. */
  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /** Returns the caller's display name (the {@code name} claim), when the credential has one. */
  public Optional<String> name() {
    return textClaim("name");
  }

  /** Returns the caller's email address (the {@code email} claim), when the credential has one. */
  public Optional<String> email() {
    return textClaim("email");
  }

  /** Returns every claim of the caller's credential, as a copy; empty for anonymous callers. */
  public ObjectNode claims() {
    return claims.deepCopy();
  }

  /** Returns a claim of the caller's credential, when it has it. */
  public Optional<JsonNode> claim(String name) {
    JsonNode value = claims.get(name);
    return value == null ? Optional.empty() : Optional.of(value.deepCopy());
  }

  private Optional<String> textClaim(String name) {
    JsonNode value = claims.get(name);
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "Identity{"
        + subject
        + (authenticated ? "" : ", unauthenticated")
        + ", scopes="
        + scopes
        + "}";
  }
}
