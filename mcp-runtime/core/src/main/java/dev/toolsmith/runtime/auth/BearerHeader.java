package dev.toolsmith.runtime.auth;

/**
 * The {@code Authorization: Bearer <token>} header (RFC 6750), read strictly, so one token has one
 * spelling: the scheme (any case), exactly one space, and the token's visible ASCII characters with
 * nothing after them. A control character, a second space or trailing whitespace is refused rather
 * than trimmed, so a token cannot be smuggled past a proxy's checks in another spelling.
 *
 * <p>Every authenticator that takes bearer tokens reads the header through this class; a refusal's
 * message says what was wrong with the header and never repeats the token.
 *
 * @param token the token, or {@code null} when the header was refused
 * @param problem what was wrong, for the client, or {@code null} when the token was read
 * @param missing whether no credentials were sent at all, which RFC 6750 answers without an error
 *     code
 */
public record BearerHeader(String token, String problem, boolean missing) {
  private static final String SCHEME = "Bearer";

  /** Reads an {@code Authorization} header value, which may be {@code null}. */
  public static BearerHeader parse(String authorization) {
    if (authorization == null || authorization.isEmpty()) {
      return new BearerHeader(
          null, "Missing Authorization header: send \"Authorization: Bearer <token>\".", true);
    }
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    if (!scheme.equalsIgnoreCase(SCHEME)) {
      return refuse(
          "The Authorization header must use the Bearer scheme, \"Authorization: Bearer <token>\""
              + (space < 0 ? ", and has no scheme." : "; it uses " + describe(scheme) + "."));
    }
    String token = space < 0 ? "" : authorization.substring(space + 1);
    if (token.isEmpty()) {
      return refuse("The Authorization header has no token after \"Bearer \".");
    }
    int bad = firstInvalid(token);
    if (bad >= 0) {
      char c = token.charAt(bad);
      return refuse(
          "The bearer token has "
              + (c == ' '
                  ? "a space"
                  : c < 0x20 || c == 0x7f ? "a control character" : "a non-ASCII character")
              + " at character "
              + (bad + 1)
              + ". Send exactly \"Bearer\", one space and the token, with nothing after it.");
    }
    return new BearerHeader(token, null, false);
  }

  /**
   * Returns the index of the first character a bearer token may not have (anything but visible
   * ASCII), or -1: the one rule for tokens that are configured and tokens that are sent.
   */
  static int firstInvalid(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return i;
      }
    }
    return -1;
  }

  private static BearerHeader refuse(String problem) {
    return new BearerHeader(null, problem, false);
  }

  /** Returns whether a token was read. */
  public boolean ok() {
    return token != null;
  }

  /** Schemes a client might send by mistake, which a refusal may name without leaking anything. */
  private static final java.util.Set<String> KNOWN_SCHEMES =
      java.util.Set.of("basic", "digest", "negotiate", "ntlm", "token", "hoba", "mutual", "dpop");

  /**
   * Names a well-known scheme; anything else is not quoted, so a token sent without its scheme is
   * never repeated back.
   */
  private static String describe(String scheme) {
    String lower = scheme.toLowerCase(java.util.Locale.ROOT);
    return KNOWN_SCHEMES.contains(lower) ? "'" + scheme + "'" : "an unknown scheme";
  }

  @Override
  public String toString() {
    return ok() ? "BearerHeader{token}" : "BearerHeader{" + problem + "}";
  }
}
