package dev.toolsmith.processor;

import dev.toolsmith.processor.JsonType.EnumType;
import dev.toolsmith.processor.JsonType.OptionalType;
import dev.toolsmith.processor.JsonType.ScalarType;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;

/**
 * SEP-2243's rules for {@code @McpParam(header = ...)}, checked at build time so a client never has
 * to refuse the tool: the name is an HTTP token (RFC 9110), unique in its tool ignoring case, and
 * on a top-level parameter whose JSON value is a string, an integer or a boolean, which a header
 * can carry as text.
 */
final class ParamHeaderRules {
  private static final Pattern TOKEN = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");

  private ParamHeaderRules() {}

  /**
   * Returns the parameter's header, or an empty string when it has none or an invalid one (which is
   * reported).
   *
   * @param taken the headers of the tool's earlier parameters, lower-cased, to their parameter
   */
  static String read(
      Element parameter,
      String javaName,
      McpParamValues override,
      JsonType type,
      Map<String, String> taken,
      Report report) {
    String header = override.header();
    if (header.isEmpty()) {
      return "";
    }
    String problem = null;
    if (!TOKEN.matcher(header).matches()) {
      problem =
          "is not an HTTP header name; use letters, digits and !#$%&'*+-.^_`|~ only, such as"
              + " \"Region\" or \"Tenant-Id\"";
    } else if (!mirrorable(type)) {
      problem =
          "is on a parameter of type "
              + type.javaType()
              + "; only string, integer, boolean and enum arguments can be mirrored into a header";
    } else if (taken.containsKey(header.toLowerCase(Locale.ROOT))) {
      problem =
          "repeats the header of '"
              + taken.get(header.toLowerCase(Locale.ROOT))
              + "' (header names ignore case); give each mirrored argument its own";
    }
    if (problem != null) {
      report.add(Message.INVALID_PARAM_HEADER, parameter, header, javaName, problem);
      return "";
    }
    taken.put(header.toLowerCase(Locale.ROOT), javaName);
    return header;
  }

  /** Refuses a header on a record component: only a tool's own arguments are mirrored. */
  static void refuseOnComponent(
      Element component, String javaName, McpParamValues override, Report report) {
    if (!override.header().isEmpty()) {
      report.add(
          Message.INVALID_PARAM_HEADER,
          component,
          override.header(),
          javaName,
          "is on a record component; only a tool's own parameters can be mirrored into a header");
    }
  }

  private static boolean mirrorable(JsonType type) {
    JsonType value = type instanceof OptionalType optional ? optional.element() : type;
    if (value instanceof EnumType) {
      return true;
    }
    if (value instanceof ScalarType scalar) {
      String schemaType = scalar.scalar().schemaType;
      return "string".equals(schemaType)
          || "integer".equals(schemaType)
          || "boolean".equals(schemaType);
    }
    return false;
  }
}
