package dev.toolsmith.processor;

import java.util.StringJoiner;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** The naming rules: tool names from method names, and generated class names from tool classes. */
final class Naming {
  static final Pattern TOOL_NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");
  static final String PACK_SUFFIX = "_McpTools";

  private Naming() {}

  /** Returns {@code get_time} for {@code getTime}, {@code parse_url} for {@code parseURL}. */
  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower =
            i > 0
                && (Character.isLowerCase(camel.charAt(i - 1))
                    || Character.isDigit(camel.charAt(i - 1)));
        boolean beforeLower =
            i > 0
                && i + 1 < camel.length()
                && Character.isLowerCase(camel.charAt(i + 1))
                && Character.isUpperCase(camel.charAt(i - 1));
        if (afterLower || beforeLower) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Returns a valid tool name close to an invalid one, for the error's suggestion. */
  static String suggestToolName(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    if (cleaned.isEmpty()) {
      cleaned = "tool";
    }
    return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
  }

  /** Returns {@code Outer_Inner_McpTools} for {@code Outer.Inner}. */
  static String packSimpleName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (var outer = type.getEnclosingElement();
        outer.getKind() != ElementKind.PACKAGE;
        outer = outer.getEnclosingElement()) {
      name.insert(0, outer.getSimpleName() + "_");
    }
    return name + PACK_SUFFIX;
  }

  /** Returns {@code FORECAST} for {@code forecast} and {@code GET_TIME} for {@code get-time.v2}. */
  static String constantName(String name) {
    return snakeCase(name).replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * Returns the name of a record or enum for generated method, constant and {@code $defs} names:
   * {@code Location} for {@code Forecasts.Location} used by {@code Forecasts}' own tools, and
   * {@code TripLocation} for {@code Trip.Location} used from elsewhere.
   */
  static String methodSuffix(
      com.palantir.javapoet.ClassName type, com.palantir.javapoet.ClassName toolClass) {
    java.util.List<String> names = type.simpleNames();
    java.util.List<String> owner = toolClass.simpleNames();
    if (type.packageName().equals(toolClass.packageName())
        && names.size() > owner.size()
        && names.subList(0, owner.size()).equals(owner)) {
      names = names.subList(owner.size(), names.size());
    }
    return String.join("", names);
  }

  /** Returns the Levenshtein distance, for "did you mean" suggestions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * Returns how a message names a method next to another: its simple name, or, when the two are
   * overloads of one name, its signature, such as {@code search(String, int)}.
   */
  static String methodLabel(ExecutableElement method, ExecutableElement other) {
    String name = method.getSimpleName().toString();
    if (!other.getSimpleName().contentEquals(name)) {
      return name;
    }
    StringJoiner parameters = new StringJoiner(", ", name + "(", ")");
    for (VariableElement parameter : method.getParameters()) {
      parameters.add(simpleTypeName(parameter.asType().toString()));
    }
    return parameters.toString();
  }

  /**
   * Drops package prefixes from a type's text: java.util.List<java.lang.String> to List<String>.
   */
  private static String simpleTypeName(String type) {
    return type.replaceAll("\\b(?:[a-z_][\\w]*\\.)+(?=[A-Z])", "");
  }
}
