package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;

/**
 * Names the owner of the sessions a caller starts: the verified identity's issuer and subject, so
 * two issuers' users with the same {@code sub} stay apart. Every unauthenticated caller is the one
 * owner {@code anonymous}: without credentials nothing tells callers apart, and such a server's
 * sessions are only as private as their ids.
 */
public final class SessionOwners {
  private static final String ANONYMOUS = "anonymous";

  private SessionOwners() {}

  /** Returns the owner string of an identity. */
  public static String of(Identity identity) {
    if (!identity.isAuthenticated()) {
      return ANONYMOUS;
    }
    JsonNode issuer = identity.claim("iss").orElse(null);
    String iss = issuer != null && issuer.isTextual() ? issuer.textValue() : "";
    // Length-prefixed, so no issuer and subject pair can spell another's.
    return "id:" + iss.length() + ":" + iss + identity.subject();
  }
}
