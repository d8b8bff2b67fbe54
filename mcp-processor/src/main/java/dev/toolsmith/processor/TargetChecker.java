package dev.toolsmith.processor;

import com.palantir.javapoet.ClassName;
import dev.toolsmith.processor.JsonType.ArrayType;
import dev.toolsmith.processor.JsonType.MapType;
import dev.toolsmith.processor.JsonType.OptionalType;
import dev.toolsmith.processor.JsonType.RecordModel;
import dev.toolsmith.processor.JsonType.RecordType;
import dev.toolsmith.processor.JsonType.Scalar;
import dev.toolsmith.processor.JsonType.ScalarType;
import dev.toolsmith.processor.ToolModel.JsonParameter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;

/**
 * Reports, on the parameter or record component that holds it, each construct a target profile
 * cannot express at all: a record that contains itself where the target has no references, a map
 * with arbitrary keys, a value of any JSON type, a free-form object. Everything else a target lacks
 * is restated by {@link TargetSchemas}, not reported.
 */
final class TargetChecker {
  private final Set<TargetProfile> profiles;
  private final Diagnostic.Kind kind;
  private final TypeMapper types;
  private final Report report;

  TargetChecker(
      Set<TargetProfile> profiles, Diagnostic.Kind kind, TypeMapper types, Report report) {
    this.profiles = profiles;
    this.kind = kind;
    this.types = types;
    this.report = report;
  }

  /** Checks a tool's parameters and, when it has an output schema, its result. */
  void check(ToolModel tool) {
    if (profiles.isEmpty()) {
      return;
    }
    List<? extends VariableElement> elements = tool.method().getParameters();
    for (ToolModel.Parameter parameter : tool.parameters()) {
      if (parameter instanceof JsonParameter json) {
        Element anchor = tool.method();
        for (VariableElement element : elements) {
          anchor = element.getSimpleName().contentEquals(json.javaName()) ? element : anchor;
        }
        walk(json.property().type(), json.property().jsonName(), anchor, new HashSet<>());
      }
    }
    if (tool.result().hasOutputSchema()) {
      walk(tool.result().type(), "result", tool.method(), new HashSet<>());
    }
    if (tool.description().isEmpty() && profiles.contains(TargetProfile.AGENTCORE_GATEWAY)) {
      report(
          TargetProfile.AGENTCORE_GATEWAY,
          tool.method(),
          tool.name(),
          "a tool without a description",
          "AgentCore Gateway's tool definitions require one",
          "Give the method Javadoc or @McpTool(description = \"...\")");
    }
  }

  private void walk(JsonType type, String path, Element anchor, Set<ClassName> seen) {
    if (type instanceof OptionalType optional) {
      walk(optional.element(), path, anchor, seen);
    } else if (type instanceof ArrayType array) {
      walk(array.element(), path + "[]", anchor, seen);
    } else if (type instanceof MapType map) {
      for (TargetProfile profile : profiles) {
        report(
            profile, anchor, path, "the map " + simple(map.javaType()), mapRule(profile), MAP_FIX);
      }
    } else if (type instanceof ScalarType scalar && scalar.scalar() == Scalar.JSON) {
      for (TargetProfile profile : profiles) {
        report(
            profile,
            anchor,
            path,
            "a value of any JSON type (" + simple(scalar.javaType()) + ")",
            profile.displayName + " needs a type on every value",
            "Use a record or a scalar type");
      }
    } else if (type instanceof ScalarType scalar
        && scalar.scalar() == Scalar.JSON_OBJECT
        && profiles.contains(TargetProfile.OPENAI_STRICT)) {
      report(
          TargetProfile.OPENAI_STRICT,
          anchor,
          path,
          "a free-form object (" + simple(scalar.javaType()) + ")",
          "OpenAI strict mode needs every object's properties listed",
          "Use a record");
    } else if (type instanceof RecordType recordType) {
      walkRecord(types.record(recordType.javaType()), path, anchor, seen);
    }
  }

  /**
   * Walks a record's components. Reaching a record already on the path closes a cycle, which is
   * reported on the component that closes it, for the targets without references.
   */
  private void walkRecord(RecordModel record, String path, Element anchor, Set<ClassName> onPath) {
    if (onPath.contains(record.javaType())) {
      for (TargetProfile profile : profiles) {
        if (!profile.allowsRecursion) {
          report(
              profile,
              anchor,
              path,
              "the recursive record " + record.javaType().simpleName(),
              profile.displayName
                  + " schemas have no $ref, and a record that contains itself cannot be inlined",
              "Refer to the nested records by id (for example a List<String>) instead of"
                  + " containing them");
        }
      }
      return;
    }
    onPath.add(record.javaType());
    TypeElement element = types.recordElement(record.javaType());
    for (Property property : record.properties()) {
      walk(
          property.type(),
          path + "." + property.jsonName(),
          component(element, property.javaName(), anchor),
          onPath);
    }
    onPath.remove(record.javaType());
  }

  /** Returns a type as its source would name it: {@code Map<String, Integer>}. */
  private static String simple(com.palantir.javapoet.TypeName type) {
    return type.toString().replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])", "");
  }

  private static final String MAP_FIX =
      "Use a record with the keys as components, or a List of key-value records";

  private static String mapRule(TargetProfile profile) {
    return switch (profile) {
      case AGENTCORE_GATEWAY ->
          "AgentCore Gateway schemas have no additionalProperties, so an object lists its keys";
      case OPENAI_STRICT ->
          "OpenAI strict mode needs additionalProperties: false on every object, so an object"
              + " lists its keys";
      case GEMINI -> "Gemini schemas have no additionalProperties, so an object lists its keys";
    };
  }

  /** The record component's position for messages, or the enclosing anchor for class files. */
  private static Element component(TypeElement record, String javaName, Element fallback) {
    if (record == null) {
      return fallback;
    }
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.RECORD_COMPONENT
          && member.getSimpleName().contentEquals(javaName)) {
        return TypeMapper.positioned((RecordComponentElement) member);
      }
    }
    return fallback;
  }

  private void report(
      TargetProfile profile, Element anchor, String path, String what, String rule, String fix) {
    report.addAs(
        kind, Message.TARGET_UNSUPPORTED, anchor, profile.id, what, path, rule, fix, profile.id);
  }
}
