package dev.toolsmith.processor;

import java.util.List;
import java.util.Map;

/**
 * Prints JSON the processor builds from maps, lists, strings, booleans and numbers: keys in
 * insertion order, two-space indentation, {@code \n} line endings, arrays of scalars on one line,
 * so generated files are stable and easy to review.
 */
final class JsonText {
  /** A number written exactly as its text, such as the value of {@code @DecimalMin("0.5")}. */
  record Number(String text) {}

  private JsonText() {}

  static String print(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object value, int indent) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        pad(out, indent + 1);
        quote(out, (String) entry.getKey());
        out.append(": ");
        write(out, entry.getValue(), indent + 1);
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      pad(out, indent);
      out.append('}');
    } else if (value instanceof List<?> list) {
      if (list.stream().allMatch(JsonText::isScalar)) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          write(out, list.get(i), indent);
        }
        out.append(']');
        return;
      }
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        pad(out, indent + 1);
        write(out, list.get(i), indent + 1);
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      pad(out, indent);
      out.append(']');
    } else if (value instanceof String text) {
      quote(out, text);
    } else if (value instanceof Number number) {
      out.append(number.text());
    } else {
      out.append(value);
    }
  }

  private static boolean isScalar(Object value) {
    return !(value instanceof Map) && !(value instanceof List);
  }

  private static void pad(StringBuilder out, int indent) {
    out.append("  ".repeat(indent));
  }

  static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
