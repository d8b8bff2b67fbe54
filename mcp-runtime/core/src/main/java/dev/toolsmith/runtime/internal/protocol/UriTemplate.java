package dev.toolsmith.runtime.internal.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A level-1 RFC 6570 URI template ({@code test://template/{id}/data}) matched against URIs.
 *
 * <p>Simple string expansion percent-encodes everything but unreserved characters, so a variable's
 * value never contains {@code /}, {@code ?} or {@code #}; matching takes each variable up to the
 * next literal text and percent-decodes it. The processor checks templates at build time; this
 * class only matches.
 */
final class UriTemplate {
  private final String template;

  /** Alternating literal and variable parts; variables are stored as their names, flagged below. */
  private final List<String> parts = new ArrayList<>();

  private final List<Boolean> variable = new ArrayList<>();

  UriTemplate(String template) {
    this.template = template;
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        add(template.substring(at), false);
        break;
      }
      int close = template.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("Unclosed '{' in URI template " + template);
      }
      if (open > at) {
        add(template.substring(at, open), false);
      }
      add(template.substring(open + 1, close), true);
      at = close + 1;
    }
  }

  private void add(String part, boolean isVariable) {
    parts.add(part);
    variable.add(isVariable);
  }

  /** Returns the template text. */
  String text() {
    return template;
  }

  /**
   * Returns the variables a URI gives this template, by name, or {@code null} when it does not
   * match.
   */
  Map<String, String> match(String uri) {
    Map<String, String> values = new LinkedHashMap<>();
    int at = 0;
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (!variable.get(i)) {
        if (!uri.startsWith(part, at)) {
          return null;
        }
        at += part.length();
        continue;
      }
      int end = at;
      String next = i + 1 < parts.size() ? parts.get(i + 1) : null;
      while (end < uri.length()
          && !isDelimiter(uri.charAt(end))
          && (next == null || !uri.startsWith(next, end))) {
        end++;
      }
      if (end == at) {
        return null;
      }
      String decoded = decode(uri.substring(at, end));
      if (decoded == null) {
        return null;
      }
      values.put(part, decoded);
      at = end;
    }
    return at == uri.length() ? values : null;
  }

  private static boolean isDelimiter(char c) {
    return c == '/' || c == '?' || c == '#';
  }

  /** Percent-decodes UTF-8, or returns {@code null} for a malformed escape. */
  private static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(raw, 0, raw.length);
        continue;
      }
      if (i + 2 >= text.length()) {
        return null;
      }
      int high = Character.digit(text.charAt(i + 1), 16);
      int low = Character.digit(text.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        return null;
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return template;
  }
}
