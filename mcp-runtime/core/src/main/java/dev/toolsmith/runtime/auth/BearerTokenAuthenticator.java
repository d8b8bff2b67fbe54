package dev.toolsmith.runtime.auth;

import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.http.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One shared secret, sent as {@code Authorization: Bearer <token>}: the seed tutorial's "minimum
 * that is honest" for a private team server, done carefully.
 *
 * <p>The comparison takes the same time whatever the token, so timing reveals nothing of the
 * secret: both sides are hashed with SHA-256 and the digests compared with {@link
 * MessageDigest#isEqual}, which also hides the secret's length. Refusals are 401 with a {@code
 * WWW-Authenticate: Bearer} challenge and a message saying which part was wrong (no header, another
 * scheme, another token), never the token itself.
 *
 * <p>For per-user, scoped, expiring tokens use an OIDC issuer instead.
 */
public final class BearerTokenAuthenticator implements Authenticator {
  /** The variable {@link #fromEnvironment()} reads. */
  public static final String TOKEN_VARIABLE = "MCP_AUTH_TOKEN";

  private static final String REALM = "Bearer realm=\"mcp\"";

  private static final AuthDecision TOKEN_HOLDER =
      AuthDecision.allow(Identity.of(Identity.SHARED_TOKEN_SUBJECT, java.util.Set.of(), null));

  private final byte[] expectedDigest;

  private BearerTokenAuthenticator(String token) {
    this.expectedDigest = sha256(token);
  }

  /**
   * Returns an authenticator that accepts exactly this token.
   *
   * @throws IllegalArgumentException when the token is blank or has characters a header cannot
   *     carry
   */
  public static BearerTokenAuthenticator of(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("The bearer token must not be blank");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            "The bearer token must be visible ASCII without spaces; character "
                + (i + 1)
                + " is not. Generate one with: openssl rand -hex 24");
      }
    }
    return new BearerTokenAuthenticator(token);
  }

  /**
   * Returns an authenticator for the token in {@code MCP_AUTH_TOKEN}. Fails closed: when the
   * variable is missing or blank, it refuses every request with 503 and logs why once, instead of
   * letting everyone in.
   */
  public static Authenticator fromEnvironment() {
    return fromValue(System.getenv(TOKEN_VARIABLE));
  }

  static Authenticator fromValue(String token) {
    if (token == null || token.isBlank()) {
      String reason =
          "Bearer-token authentication is on, but "
              + TOKEN_VARIABLE
              + " is not set, so this server refuses "
              + "every request. Its operator must set "
              + TOKEN_VARIABLE
              + " to the shared token.";
      System.getLogger("dev.toolsmith.runtime").log(System.Logger.Level.ERROR, reason);
      return Authenticator.unconfigured(reason);
    }
    return of(token.trim());
  }

  @Override
  public AuthDecision authenticate(Headers headers) {
    String authorization = headers.first("Authorization");
    if (authorization == null || authorization.isBlank()) {
      return AuthDecision.refuse(
          401, REALM, "Missing Authorization header: send \"Authorization: Bearer <token>\".");
    }
    String value = authorization.trim();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    if (!scheme.equalsIgnoreCase("Bearer")) {
      return AuthDecision.refuse(
          401,
          REALM + ", error=\"invalid_request\"",
          "The Authorization header must use the Bearer "
              + "scheme, \"Authorization: Bearer <token>\""
              + (space < 0 ? ", and has no scheme." : "; it uses '" + printable(scheme) + "'."));
    }
    String token = space < 0 ? "" : value.substring(space + 1).trim();
    if (token.isEmpty()) {
      return AuthDecision.refuse(
          401,
          REALM + ", error=\"invalid_request\"",
          "The Authorization header has no token after \"Bearer\".");
    }
    if (!MessageDigest.isEqual(expectedDigest, sha256(token))) {
      return AuthDecision.refuse(
          401,
          REALM + ", error=\"invalid_token\"",
          "The bearer token is not the one this server "
              + "expects. Send exactly \"Bearer\", one space and the token, without quotes.");
    }
    return TOKEN_HOLDER;
  }

  /**
   * A scheme name is at most a short word; anything else is cut, so the message never carries a
   * secret.
   */
  private static String printable(String scheme) {
    if (scheme.length() > 16) {
      return "an unknown scheme";
    }
    for (int i = 0; i < scheme.length(); i++) {
      if (!Character.isLetter(scheme.charAt(i))) {
        return "an unknown scheme";
      }
    }
    return scheme;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "bearer token (" + TOKEN_VARIABLE + ")";
  }

  /** Refuses everything: authentication was asked for but has no token to check against. */
}
