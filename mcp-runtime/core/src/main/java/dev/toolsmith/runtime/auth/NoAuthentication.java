package dev.toolsmith.runtime.auth;

import dev.toolsmith.runtime.http.Headers;

/**
 * {@link Authenticator#NONE}: an enum rather than a lambda, so start-up bootstraps no call site.
 */
enum NoAuthentication implements Authenticator {
  INSTANCE;

  @Override
  public AuthDecision authenticate(Headers headers) {
    return AuthDecision.allow();
  }

  @Override
  public String toString() {
    return "none";
  }
}
