package dev.toolsmith.runtime.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The value encoding of the 2026-07-28 mirror headers ({@code Mcp-Name}, {@code Mcp-Param-*}): a
 * value that is not plain visible ASCII travels as {@code =?base64?<UTF-8 in Base64>?=}. The prefix
 * is case-insensitive; a value missing either delimiter is a literal, as is the bare {@code
 * =?base64?=}; the Base64 between them must be canonical (padded, the standard alphabet only).
 */
final class HeaderValues {
  private static final String PREFIX = "=?base64?";
  private static final String SUFFIX = "?=";

  private HeaderValues() {}

  /**
   * Returns the value a header carries.
   *
   * @throws IllegalArgumentException when it is wrapped as Base64 but what it wraps is not
   */
  static String decode(String raw) {
    String value = raw.trim();
    if (value.length() < PREFIX.length() + SUFFIX.length()
        || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        || !value.endsWith(SUFFIX)) {
      return value;
    }
    String encoded = value.substring(PREFIX.length(), value.length() - SUFFIX.length());
    if (encoded.length() % 4 != 0 || !encoded.matches("[A-Za-z0-9+/]*={0,2}")) {
      throw new IllegalArgumentException(
          "'" + value + "' is not valid base64 between =?base64? and ?= (padded, A-Z a-z 0-9 + /)");
    }
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }
}
