package dev.toolsmith.runtime.auth;

import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.http.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Bearer tokens, sent as {@code Authorization: Bearer <token>}: one shared secret (the seed
 * tutorial's "minimum that is honest" for a private team server), or several, each naming its
 * holder, for per-person keys and rotation without downtime.
 *
 * <p>The holder's name becomes the caller's {@link Identity} subject, so sessions and audit logs
 * tell holders apart; the one shared token is the holder {@value Identity#SHARED_TOKEN_SUBJECT}. To
 * rotate a key, configure the new token beside the old one under the same name, move clients over,
 * then remove the old one.
 *
 * <p>The comparison takes the same time whatever the token and whichever holder it matches: the
 * presented token is compared with every configured token, all of them, with {@link
 * MessageDigest#isEqual}, whose time depends only on the length of its first argument, the
 * presented token, which the caller knows anyway; so it tells nothing of the secrets' contents or
 * lengths. No digest is needed for that, and none is taken: the JDK's first SHA-256 would cost a
 * Lambda cold start about 25 ms of security-provider set-up before the first response. The header
 * is read strictly ({@link BearerHeader}). Refusals are 401 with a {@code WWW-Authenticate: Bearer}
 * challenge and a message saying which part was wrong (no header, another scheme, another token),
 * never the token itself.
 *
 * <p>For scoped, expiring tokens use an OIDC issuer instead.
 */
public final class BearerTokenAuthenticator implements Authenticator {
  /** The variable that holds the one shared token, for {@link #fromEnvironment()}. */
  public static final String TOKEN_VARIABLE = "MCP_AUTH_TOKEN";

  /**
   * The variable that holds named tokens, {@code name=token} pairs separated by commas, for {@link
   * #fromEnvironment()}: {@code MCP_AUTH_TOKENS=alice=<token>,bob=<token>}.
   */
  public static final String TOKENS_VARIABLE = "MCP_AUTH_TOKENS";

  private static final String REALM = "Bearer realm=\"mcp\"";

  /** A holder's name: what a person would put in a log line, and safe in one. */
  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  /** The configured tokens' bytes, in the order of {@link #holders}. */
  private final byte[][] tokens;

  private final AuthDecision[] holders;

  private BearerTokenAuthenticator(byte[][] tokens, AuthDecision[] holders) {
    this.tokens = tokens;
    this.holders = holders;
  }

  /**
   * Returns an authenticator that accepts exactly this token, as the shared holder {@value
   * Identity#SHARED_TOKEN_SUBJECT}.
   *
   * @throws IllegalArgumentException when the token is blank or has characters a header cannot
   *     carry
   */
  public static BearerTokenAuthenticator of(String token) {
    return builder().sharedToken(token).build();
  }

  /** Returns a builder for several tokens, each naming its holder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns an authenticator for the tokens in {@code MCP_AUTH_TOKENS} and {@code MCP_AUTH_TOKEN}
   * (either or both). Fails closed: when neither is set, or one is malformed, it refuses every
   * request with 503 and logs why once, instead of letting everyone in.
   */
  public static Authenticator fromEnvironment() {
    return fromValues(System.getenv(TOKEN_VARIABLE), System.getenv(TOKENS_VARIABLE));
  }

  static Authenticator fromValue(String token) {
    return fromValues(token, null);
  }

  static Authenticator fromValues(String sharedToken, String namedTokens) {
    boolean shared = sharedToken != null && !sharedToken.isBlank();
    boolean named = namedTokens != null && !namedTokens.isBlank();
    if (!shared && !named) {
      return unconfigured(
          "Bearer-token authentication is on, but neither "
              + TOKEN_VARIABLE
              + " nor "
              + TOKENS_VARIABLE
              + " is set, so this server refuses every request. Its operator must set "
              + TOKEN_VARIABLE
              + " to the shared token, or "
              + TOKENS_VARIABLE
              + " to name=token pairs.");
    }
    try {
      Builder builder = builder();
      if (shared) {
        builder.sharedToken(sharedToken.trim());
      }
      if (named) {
        String[] entries = namedTokens.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
          String entry = entries[i].trim();
          int equals = entry.indexOf('=');
          if (equals <= 0) {
            throw new IllegalArgumentException(
                "entry "
                    + (i + 1)
                    + " is not name=token (entries are separated by commas, without spaces in "
                    + "tokens)");
          }
          builder.holder(entry.substring(0, equals), entry.substring(equals + 1));
        }
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      return unconfigured(
          "Bearer-token authentication is on, but its configuration is malformed, so this server "
              + "refuses every request: "
              + e.getMessage()
              + ". Fix "
              + (named ? TOKENS_VARIABLE : TOKEN_VARIABLE)
              + ".");
    }
  }

  private static Authenticator unconfigured(String reason) {
    System.getLogger("dev.toolsmith.runtime").log(System.Logger.Level.ERROR, reason);
    return Authenticator.unconfigured(reason);
  }

  @Override
  public AuthDecision authenticate(Headers headers) {
    BearerHeader header = BearerHeader.parse(headers.first("Authorization"));
    if (!header.ok()) {
      return AuthDecision.refuse(
          401, header.missing() ? REALM : REALM + ", error=\"invalid_request\"", header.problem());
    }
    byte[] presented = header.token().getBytes(StandardCharsets.UTF_8);
    AuthDecision match = null;
    for (int i = 0; i < tokens.length; i++) {
      // Every token is compared, so the time taken says nothing about which holder matched. The
      // presented token goes first: isEqual's time depends on its first argument's length alone.
      if (MessageDigest.isEqual(presented, tokens[i]) && match == null) {
        match = holders[i];
      }
    }
    if (match == null) {
      return AuthDecision.refuse(
          401,
          REALM + ", error=\"invalid_token\"",
          "The bearer token is not one this server "
              + "accepts. Send exactly \"Bearer\", one space and the token, without quotes.");
    }
    return match;
  }

  @Override
  public String toString() {
    return "bearer tokens (" + holders.length + ")";
  }

  /** Collects tokens and their holders. */
  public static final class Builder {
    private final java.util.List<byte[]> tokens = new java.util.ArrayList<>();
    private final java.util.List<AuthDecision> holders = new java.util.ArrayList<>();
    private final java.util.Map<String, AuthDecision> byName = new java.util.HashMap<>();

    private Builder() {}

    /**
     * Accepts the one shared token, whose callers are all {@value Identity#SHARED_TOKEN_SUBJECT}.
     */
    public Builder sharedToken(String token) {
      return add(Identity.SHARED_TOKEN_SUBJECT, token);
    }

    /**
     * Accepts a token held by {@code name}, which becomes the caller's identity subject. A name may
     * hold several tokens (the old and the new one, while rotating).
     *
     * @throws IllegalArgumentException when the name is not 1 to 64 letters, digits or {@code
     *     ._@-}, is the shared holder's, or the token is blank, not visible ASCII, or already taken
     */
    public Builder holder(String name, String token) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "a token holder's name must be 1 to 64 letters, digits or ._@- starting with a letter "
                + "or digit, got "
                + (name == null || name.length() > 64 ? "another" : "'" + name + "'"));
      }
      if (name.equals(Identity.SHARED_TOKEN_SUBJECT)) {
        throw new IllegalArgumentException(
            "'" + name + "' names the shared token's holder; give this holder another name");
      }
      return add(name, token);
    }

    private Builder add(String name, String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("the bearer token of '" + name + "' is blank");
      }
      int bad = BearerHeader.firstInvalid(token);
      if (bad >= 0) {
        throw new IllegalArgumentException(
            "the bearer token of '"
                + name
                + "' must be visible ASCII without spaces; character "
                + (bad + 1)
                + " is not. Generate one with: openssl rand -hex 24");
      }
      byte[] bytes = token.getBytes(StandardCharsets.US_ASCII); // visible ASCII, checked above
      for (byte[] other : tokens) {
        if (MessageDigest.isEqual(bytes, other)) {
          throw new IllegalArgumentException(
              "the bearer token of '" + name + "' is configured twice; every token must be unique");
        }
      }
      AuthDecision holder =
          byName.computeIfAbsent(
              name, n -> AuthDecision.allow(Identity.of(n, java.util.Set.of(), null)));
      tokens.add(bytes);
      holders.add(holder);
      return this;
    }

    /**
     * Returns the authenticator.
     *
     * @throws IllegalArgumentException when no token was added
     */
    public BearerTokenAuthenticator build() {
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException("no bearer token is configured");
      }
      return new BearerTokenAuthenticator(
          tokens.toArray(new byte[0][]), holders.toArray(new AuthDecision[0]));
    }
  }
}
