package dev.toolsmith.runtime.internal.http;

import java.util.Locale;

/**
 * Reads {@code Content-Type} and {@code Accept} the tolerant way: parameters such as {@code
 * charset} are ignored.
 */
final class MediaTypes {
  static final String JSON = "application/json";
  static final String EVENT_STREAM = "text/event-stream";

  private MediaTypes() {}

  /** Returns whether a {@code Content-Type} value is JSON, whatever its parameters. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    // What every client sends, answered without allocating; anything else is parsed.
    return contentType.equals(JSON) || essence(contentType).equals(JSON);
  }

  /**
   * Returns whether an {@code Accept} value admits a media type, directly or through a wildcard; a
   * missing header admits everything, and {@code q=0} excludes.
   */
  static boolean accepts(String accept, String mediaType) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    if (listsPlainly(accept, mediaType)) {
      return true;
    }
    String family = mediaType.substring(0, mediaType.indexOf('/')) + "/*";
    for (String range : accept.split(",")) {
      String type = essence(range);
      if ((type.equals(mediaType) || type.equals(family) || type.equals("*/*"))
          && !refused(range)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether the header names the type as a whole list item, in lower case, with no weights
   * anywhere: what MCP clients send ({@code application/json, text/event-stream}), checked without
   * allocating.
   */
  private static boolean listsPlainly(String accept, String mediaType) {
    if (accept.indexOf(';') >= 0) {
      return false;
    }
    for (int at = accept.indexOf(mediaType); at >= 0; at = accept.indexOf(mediaType, at + 1)) {
      int end = at + mediaType.length();
      boolean startsItem = at == 0 || accept.charAt(at - 1) == ',' || accept.charAt(at - 1) == ' ';
      boolean endsItem =
          end == accept.length() || accept.charAt(end) == ',' || accept.charAt(end) == ' ';
      if (startsItem && endsItem) {
        return true;
      }
    }
    return false;
  }

  private static String essence(String value) {
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns whether a range carries {@code q=0} (or {@code q=0.0}, {@code q=0.000}), which means
   * "not this".
   */
  private static boolean refused(String range) {
    for (String parameter : range.split(";")) {
      String p = parameter.trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("q=") && isZero(p.substring(2).trim())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isZero(String weight) {
    if (weight.isEmpty() || weight.charAt(0) != '0') {
      return false;
    }
    for (int i = 1; i < weight.length(); i++) {
      char c = weight.charAt(i);
      if (c != '0' && !(c == '.' && i == 1)) {
        return false;
      }
    }
    return true;
  }
}
