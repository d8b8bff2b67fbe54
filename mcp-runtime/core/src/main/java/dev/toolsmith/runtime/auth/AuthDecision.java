package dev.toolsmith.runtime.auth;

import dev.toolsmith.runtime.Identity;

/**
 * What an {@link Authenticator} decided about one request.
 *
 * <p>A refusal carries the HTTP status, the {@code WWW-Authenticate} challenge (or {@code null}),
 * and a message for the client that says what was wrong and never repeats the credential.
 */
public final class AuthDecision {
  private static final AuthDecision ALLOW_ANONYMOUS =
      new AuthDecision(0, null, null, Identity.anonymous());

  private final int status;
  private final String challenge;
  private final String message;
  private final Identity identity;

  private AuthDecision(int status, String challenge, String message, Identity identity) {
    this.status = status;
    this.challenge = challenge;
    this.message = message;
    this.identity = identity;
  }

  /** Returns the decision that lets a request in without saying who made it. */
  public static AuthDecision allow() {
    return ALLOW_ANONYMOUS;
  }

  /** Returns the decision that lets a request in, made by this caller. */
  public static AuthDecision allow(Identity identity) {
    return new AuthDecision(0, null, null, java.util.Objects.requireNonNull(identity, "identity"));
  }

  /**
   * Returns a refusal.
   *
   * @param status the HTTP status, usually 401 or 403
   * @param challenge the {@code WWW-Authenticate} value, or {@code null} for none
   * @param message what was wrong and how to fix it
   */
  public static AuthDecision refuse(int status, String challenge, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("A refusal needs a 4xx or 5xx status, got " + status);
    }
    return new AuthDecision(status, challenge, message, null);
  }

  /** Returns whether the request may proceed. */
  public boolean allowed() {
    return identity != null;
  }

  /** Returns who made an allowed request; {@code null} for a refusal. */
  public Identity identity() {
    return identity;
  }

  /** Returns the refusal's HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the refusal's {@code WWW-Authenticate} value, or {@code null}. */
  public String challenge() {
    return challenge;
  }

  /** Returns the refusal's message. */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return allowed() ? "allow" : "refuse " + status + ": " + message;
  }
}
