package dev.toolsmith.runtime.auth;

import dev.toolsmith.runtime.http.Headers;

/** Refuses every request with 503: authentication is on and a setting it needs is missing. */
final class UnconfiguredAuthenticator implements Authenticator {
  private final String reason;

  UnconfiguredAuthenticator(String reason) {
    this.reason = reason;
  }

  @Override
  public AuthDecision authenticate(Headers headers) {
    return AuthDecision.refuse(503, null, reason);
  }

  @Override
  public String toString() {
    return "unconfigured authentication (" + reason + ")";
  }
}
