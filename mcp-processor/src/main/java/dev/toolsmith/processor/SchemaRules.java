package dev.toolsmith.processor;

import dev.toolsmith.annotations.McpRequireAnyOf;
import dev.toolsmith.annotations.McpRequiredIf;
import dev.toolsmith.processor.JsonType.EnumType;
import dev.toolsmith.processor.JsonType.OptionalType;
import dev.toolsmith.processor.JsonType.Scalar;
import dev.toolsmith.processor.JsonType.ScalarType;
import dev.toolsmith.processor.ToolModel.JsonParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/**
 * A tool's rules across its arguments, from {@link McpRequireAnyOf} and {@link McpRequiredIf}: JSON
 * Schema 2020-12's {@code allOf}/{@code anyOf} and {@code if}/{@code then}/{@code else} in the
 * schema, and the same checks in the generated decoder.
 *
 * @param anyOf the arguments of which one must be given; empty for no such rule
 * @param requiredIf the conditional requirement, or {@code null}
 */
record SchemaRules(List<String> anyOf, RequiredIf requiredIf) {
  static final SchemaRules NONE = new SchemaRules(List.of(), null);

  /**
   * A conditional requirement.
   *
   * @param equals the value as JSON writes it, which the decoder compares with
   * @param constant the value for the schema's {@code const}: a string, a boolean or a number
   */
  record RequiredIf(String param, String equals, Object constant, String then, String otherwise) {}

  boolean isEmpty() {
    return anyOf.isEmpty() && requiredIf == null;
  }

  /** Reads and checks a tool method's rules against its parameters; reports what is wrong. */
  static SchemaRules read(
      ExecutableElement method, List<ToolModel.Parameter> parameters, Report report) {
    McpRequireAnyOf anyOf = method.getAnnotation(McpRequireAnyOf.class);
    McpRequiredIf requiredIf = method.getAnnotation(McpRequiredIf.class);
    if (anyOf == null && requiredIf == null) {
      return NONE;
    }
    Map<String, Property> properties = new LinkedHashMap<>();
    for (ToolModel.Parameter parameter : parameters) {
      if (parameter instanceof JsonParameter json) {
        properties.put(json.property().jsonName(), json.property());
      }
    }
    String methodName = method.getSimpleName().toString();
    List<String> group = List.of();
    if (anyOf != null) {
      group = List.of(anyOf.value());
      Set<String> distinct = new LinkedHashSet<>(group);
      if (distinct.size() < 2) {
        report.add(
            Message.INVALID_SCHEMA_RULE,
            method,
            mirror(method, McpRequireAnyOf.class),
            null,
            "@McpRequireAnyOf",
            methodName,
            "needs at least two different argument names; for one, make that parameter required");
      }
      for (String name : distinct) {
        optional("@McpRequireAnyOf", name, properties, method, methodName, report);
      }
    }
    RequiredIf conditional = null;
    if (requiredIf != null) {
      conditional = requiredIf(requiredIf, properties, method, methodName, report);
    }
    return new SchemaRules(group, conditional);
  }

  private static RequiredIf requiredIf(
      McpRequiredIf rule,
      Map<String, Property> properties,
      ExecutableElement method,
      String methodName,
      Report report) {
    Property decider = properties.get(rule.param());
    Object constant = null;
    if (decider == null) {
      unknown("@McpRequiredIf(param)", rule.param(), properties, method, methodName, report);
    } else {
      constant = constant(decider.type(), rule.equals());
      if (constant == null) {
        report.add(
            Message.INVALID_SCHEMA_RULE,
            method,
            mirror(method, McpRequiredIf.class),
            null,
            "@McpRequiredIf",
            methodName,
            "compares '"
                + rule.param()
                + "' with \""
                + rule.equals()
                + "\", which is not one of its values; name a string, enum, boolean or integer "
                + "argument and one of its values as JSON writes it"
                + values(decider.type()));
      }
    }
    optional("@McpRequiredIf(then)", rule.then(), properties, method, methodName, report);
    if (!rule.otherwise().isEmpty()) {
      optional(
          "@McpRequiredIf(otherwise)", rule.otherwise(), properties, method, methodName, report);
    }
    // The decoder compares with the value as JSON prints it: 042 is the number 42.
    String equals = constant instanceof JsonText.Number number ? number.text() : rule.equals();
    return new RequiredIf(rule.param(), equals, constant, rule.then(), rule.otherwise());
  }

  /** Reports a name that is not an optional argument of the tool. */
  private static void optional(
      String where,
      String name,
      Map<String, Property> properties,
      ExecutableElement method,
      String methodName,
      Report report) {
    Property property = properties.get(name);
    if (property == null) {
      unknown(where, name, properties, method, methodName, report);
    } else if (property.required()) {
      report.add(
          Message.INVALID_SCHEMA_RULE,
          method,
          mirror(method, where),
          null,
          where,
          methodName,
          "names '"
              + name
              + "', which is already required, so the rule says nothing; make it Optional or "
              + "@Nullable, or drop it from the rule");
    }
  }

  private static void unknown(
      String where,
      String name,
      Map<String, Property> properties,
      ExecutableElement method,
      String methodName,
      Report report) {
    report.add(
        Message.INVALID_SCHEMA_RULE,
        method,
        mirror(method, where),
        null,
        where,
        methodName,
        "names '"
            + name
            + "', which is not an argument of the tool; its arguments are "
            + (properties.isEmpty() ? "none" : String.join(", ", properties.keySet())));
  }

  /**
   * Returns the annotation a rule's {@code where} ("@McpRequiredIf(then)") names, for its position.
   */
  private static AnnotationMirror mirror(ExecutableElement method, String where) {
    return mirror(
        method, where.startsWith("@McpRequireAnyOf") ? McpRequireAnyOf.class : McpRequiredIf.class);
  }

  private static AnnotationMirror mirror(
      ExecutableElement method, Class<? extends java.lang.annotation.Annotation> type) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(type.getCanonicalName())) {
        return mirror;
      }
    }
    return null;
  }

  /**
   * Returns the schema {@code const} for a value of the type, or null when it cannot be one: only
   * strings, enums, booleans and integers can decide, and the value is read as a default is, so it
   * must fit the type ({@code 300} is no {@code byte}).
   */
  static Object constant(JsonType type, String value) {
    JsonType bare = type instanceof OptionalType optional ? optional.element() : type;
    boolean decides =
        bare instanceof EnumType
            || (bare instanceof ScalarType scalar
                && (scalar.scalar() == Scalar.STRING
                    || scalar.scalar() == Scalar.BOOLEAN
                    || "integer".equals(scalar.scalar().schemaType)));
    if (!decides) {
      return null;
    }
    try {
      return DefaultReader.json(value, bare);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String values(JsonType type) {
    JsonType bare = type instanceof OptionalType optional ? optional.element() : type;
    if (bare instanceof EnumType enumType) {
      List<String> quoted = new ArrayList<>();
      for (String name : enumType.wireNames()) {
        quoted.add("\"" + name + "\"");
      }
      return " (" + String.join(", ", quoted) + ")";
    }
    return "";
  }
}
