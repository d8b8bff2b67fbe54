package dev.toolsmith.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.processor.JsonType.ArrayType;
import dev.toolsmith.processor.JsonType.MapType;
import dev.toolsmith.processor.JsonType.OptionalType;
import dev.toolsmith.processor.JsonType.RecordType;
import dev.toolsmith.processor.JsonType.Scalar;
import dev.toolsmith.processor.JsonType.ScalarType;
import dev.toolsmith.processor.ToolModel.Injection;
import dev.toolsmith.processor.ToolModel.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Checks one {@code @McpTool} method and turns it into a {@link ToolModel}, reporting every problem
 * it finds rather than stopping at the first.
 */
final class ToolMethodValidator {
  private static final Map<String, String> HINTS = hints();
  private static final String INJECTED =
      "RequestContext, Session, Identity, com.amazonaws.services.lambda.runtime.Context";
  private static final Set<String> ASYNC =
      Set.of("java.util.concurrent.CompletionStage", "java.util.concurrent.CompletableFuture");

  private final Elements elements;
  private final ConstraintReader constraints;

  ToolMethodValidator(Elements elements, ConstraintReader constraints) {
    this.elements = elements;
    this.constraints = constraints;
  }

  private static Map<String, String> hints() {
    Map<String, String> hints = new LinkedHashMap<>();
    hints.put("readOnly", "readOnlyHint");
    hints.put("destructive", "destructiveHint");
    hints.put("idempotent", "idempotentHint");
    hints.put("openWorld", "openWorldHint");
    return hints;
  }

  /**
   * Returns the tool, or {@code null} when the method has errors (all of them reported).
   *
   * @param namePrefix the class's {@code @McpNamespace} prefix with its separator, or empty
   */
  ToolModel validate(
      ExecutableElement method,
      TypeElement owner,
      String namePrefix,
      TypeMapper types,
      Report report) {
    int errorsBefore = report.errorCount();
    McpTool tool = method.getAnnotation(McpTool.class);
    AnnotationMirror mirror = mirrorOf(method);
    String methodName = method.getSimpleName().toString();

    checkCallable(method, owner, "@McpTool", report);

    String name = namePrefix + (tool.name().isEmpty() ? Naming.snakeCase(methodName) : tool.name());
    if (!Naming.TOOL_NAME.matcher(name).matches()) {
      report.add(
          Message.INVALID_TOOL_NAME,
          method,
          mirror,
          valueOf(mirror, "name"),
          name,
          Naming.suggestToolName(name));
    }

    Javadoc doc = Javadoc.parse(elements.getDocComment(method));
    checkJavadocParams(method, doc, report);
    String tagInText = doc.tagInText();
    if (tool.description().isEmpty()
        && tagInText != null
        && !isSuppressed(method, Message.JAVADOC_TAG_IN_TEXT)) {
      report.add(
          Message.JAVADOC_TAG_IN_TEXT, method, "@McpTool method '" + methodName + "'", tagInText);
    }
    List<ToolModel.Parameter> parameters = parameters(method, doc, types, report);
    Result result = result(method, types, report);
    List<String> scopes = ScopeReader.read(method, report);
    SchemaRules rules = SchemaRules.read(method, parameters, report);
    ToolModel.Task task = TaskReader.read(method, ToolModel.takesSession(parameters), report);
    SchemaDefs.checkDistinct(parameters, result, types, method, report);

    String description = tool.description().isEmpty() ? doc.description() : tool.description();
    if (description.isEmpty() && !isSuppressed(method, Message.MISSING_DESCRIPTION)) {
      report.add(Message.MISSING_DESCRIPTION, method, "@McpTool", methodName, "@McpTool");
    }
    if (report.errorCount() > errorsBefore) {
      return null;
    }
    return new ToolModel(
        name,
        method,
        tool.title(),
        description,
        explicitHints(mirror),
        parameters,
        result,
        scopes,
        rules,
        task);
  }

  /**
   * Reports what stops generated code from calling an annotated method: private, abstract, generic.
   */
  static void checkCallable(
      ExecutableElement method, TypeElement owner, String annotation, Report report) {
    String methodName = method.getSimpleName().toString();
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      report.add(Message.PRIVATE_TOOL, method, annotation, methodName);
    }
    if (method.getModifiers().contains(Modifier.ABSTRACT)) {
      report.add(Message.ABSTRACT_TOOL, method, annotation, methodName, owner.getSimpleName());
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.add(
          Message.GENERIC_TOOL,
          method,
          annotation,
          methodName,
          method.getTypeParameters().stream()
              .map(Object::toString)
              .collect(Collectors.joining(", ")));
    }
  }

  static void checkJavadocParams(ExecutableElement method, Javadoc doc, Report report) {
    List<String> names = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      names.add(parameter.getSimpleName().toString());
    }
    for (String documented : doc.params().keySet()) {
      if (names.contains(documented)) {
        continue;
      }
      String closest = null;
      for (String candidate : names) {
        if (Naming.distance(candidate, documented) <= 2
            && (closest == null
                || Naming.distance(candidate, documented) < Naming.distance(closest, documented))) {
          closest = candidate;
        }
      }
      String hint =
          closest != null
              ? "did you mean '" + closest + "'?"
              : names.isEmpty()
                  ? "it takes no parameters, so remove the tag"
                  : "its parameters are " + String.join(", ", names);
      report.add(Message.UNKNOWN_JAVADOC_PARAM, method, method.getSimpleName(), documented, hint);
    }
  }

  private List<ToolModel.Parameter> parameters(
      ExecutableElement method, Javadoc doc, TypeMapper types, Report report) {
    List<ToolModel.Parameter> parameters = new ArrayList<>();
    Set<String> jsonNames = new HashSet<>();
    Map<String, String> headers = new java.util.HashMap<>();
    for (VariableElement parameter : method.getParameters()) {
      String javaName = parameter.getSimpleName().toString();
      Injection injection = injectionFor(parameter.asType());
      if (injection != null) {
        parameters.add(new ToolModel.InjectedParameter(javaName, injection));
        continue;
      }
      JsonType type;
      try {
        types.drainUndocumented(); // what an earlier return type met is not this parameter's
        type = types.map(parameter.asType());
      } catch (TypeMapper.Unsupported e) {
        report.add(
            Message.UNSUPPORTED_PARAMETER_TYPE,
            parameter,
            javaName,
            method.getSimpleName(),
            parameter.asType(),
            e.getMessage(),
            TypeMapper.SUPPORTED,
            INJECTED);
        continue;
      }
      for (TypeElement record : types.drainUndocumented()) {
        if (!isSuppressed(parameter, Message.DESCRIPTIONS_UNAVAILABLE)) {
          report.add(
              Message.DESCRIPTIONS_UNAVAILABLE,
              parameter,
              javaName,
              method.getSimpleName(),
              record.getQualifiedName());
        }
      }
      if (parameter.asType().getKind().isPrimitive() && ConstraintReader.isNullable(parameter)) {
        report.add(
            Message.NULLABLE_PRIMITIVE,
            parameter,
            "Parameter '" + javaName + "' of @McpTool method '" + method.getSimpleName() + "'",
            parameter.asType(),
            ((ClassName) TypeName.get(parameter.asType()).box()).simpleName());
        continue;
      }
      McpParamValues override = McpParamValues.of(parameter);
      String jsonName = override.nameOr(javaName);
      if (jsonName.isBlank() || jsonName.chars().anyMatch(Character::isISOControl)) {
        report.add(
            Message.INVALID_PROPERTY_NAME, parameter, override.mirror(), null, jsonName, javaName);
        continue;
      }
      if (!jsonNames.add(jsonName)) {
        report.add(Message.DUPLICATE_PROPERTY_NAME, parameter, jsonName, method.getSimpleName());
        continue;
      }
      String description =
          override.description().isEmpty()
              ? doc.params().getOrDefault(javaName, "")
              : override.description();
      if (description.isEmpty() && !isSuppressed(parameter, Message.MISSING_PARAM_DESCRIPTION)) {
        report.add(
            Message.MISSING_PARAM_DESCRIPTION,
            parameter,
            "Parameter '" + javaName + "' of @McpTool method '" + method.getSimpleName() + "'",
            "@param " + javaName + " in the method's Javadoc");
      }
      Property.Default fallback = DefaultReader.read(parameter, type, override, report);
      boolean required =
          fallback == null
              && !(type instanceof OptionalType)
              && !ConstraintReader.isNullable(parameter);
      parameters.add(
          new ToolModel.JsonParameter(
              new Property(
                  jsonName,
                  javaName,
                  type,
                  required,
                  description,
                  constraints.read(parameter, type, report),
                  fallback,
                  ParamHeaderRules.read(parameter, javaName, override, type, headers, report))));
    }
    reportSessionHandleClash(method, parameters, report);
    return parameters;
  }

  /**
   * A session-taking method's schema gets {@code session_handle}; no parameter of its own may claim
   * that name.
   */
  private static void reportSessionHandleClash(
      ExecutableElement method, List<ToolModel.Parameter> parameters, Report report) {
    boolean session = false;
    for (ToolModel.Parameter parameter : parameters) {
      session |=
          parameter instanceof ToolModel.InjectedParameter injected
              && injected.injection() == Injection.SESSION;
    }
    if (!session) {
      return;
    }
    for (VariableElement element : method.getParameters()) {
      for (ToolModel.Parameter parameter : parameters) {
        if (parameter instanceof ToolModel.JsonParameter json
            && json.javaName().equals(element.getSimpleName().toString())
            && json.property().jsonName().equals(RuntimeNames.SESSION_HANDLE)) {
          report.add(
              Message.SESSION_HANDLE_CLASH, element, json.javaName(), method.getSimpleName());
        }
      }
    }
  }

  static Injection injectionFor(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    for (Injection injection : Injection.values()) {
      if (injection.type.canonicalName().equals(name)) {
        return injection;
      }
    }
    return null;
  }

  private Result result(ExecutableElement method, TypeMapper types, Report report) {
    TypeMirror returned = method.getReturnType();
    boolean async = false;
    if (returned.getKind() == TypeKind.DECLARED
        && ASYNC.contains(
            ((TypeElement) ((DeclaredType) returned).asElement()).getQualifiedName().toString())) {
      List<? extends TypeMirror> arguments = ((DeclaredType) returned).getTypeArguments();
      if (arguments.isEmpty() || arguments.get(0).getKind() == TypeKind.WILDCARD) {
        report.add(
            Message.UNSUPPORTED_RETURN_TYPE,
            method,
            method.getSimpleName(),
            returned,
            "a stage needs a concrete type argument",
            TypeMapper.SUPPORTED);
        return null;
      }
      async = true;
      returned = arguments.get(0);
    }
    TypeName valueType = TypeName.get(returned).withoutAnnotations();
    if (returned.getKind() == TypeKind.VOID || returned.toString().equals("java.lang.Void")) {
      return new Result(Result.Kind.EMPTY, null, async, valueType);
    }
    String qualified =
        returned.getKind() == TypeKind.DECLARED
            ? ((TypeElement) ((DeclaredType) returned).asElement()).getQualifiedName().toString()
            : "";
    if (qualified.equals(RuntimeNames.TOOL_RESULT.canonicalName())) {
      return new Result(Result.Kind.TOOL_RESULT, null, async, valueType);
    }
    if (qualified.equals("java.lang.String")) {
      return new Result(Result.Kind.STRING, null, async, valueType);
    }
    if (qualified.equals(RuntimeNames.JSON_NODE) || qualified.equals(RuntimeNames.OBJECT_NODE)) {
      return new Result(Result.Kind.JSON_NODE, null, async, valueType);
    }
    JsonType type;
    try {
      type = types.map(returned);
    } catch (TypeMapper.Unsupported e) {
      report.add(
          Message.UNSUPPORTED_RETURN_TYPE,
          method,
          method.getSimpleName(),
          method.getReturnType(),
          e.getMessage(),
          TypeMapper.SUPPORTED);
      return null;
    }
    if (type instanceof ScalarType scalar && scalar.scalar() == Scalar.BYTES) {
      report.add(
          Message.UNSUPPORTED_RETURN_TYPE,
          method,
          method.getSimpleName(),
          method.getReturnType(),
          "bytes need a MIME type; return ToolResult.of(Content.image(bytes, \"image/png\")) or Content.audio instead",
          TypeMapper.SUPPORTED);
      return null;
    }
    if (type instanceof OptionalType) {
      report.add(
          Message.UNSUPPORTED_RETURN_TYPE,
          method,
          method.getSimpleName(),
          method.getReturnType(),
          "return the value itself, or null for no content",
          TypeMapper.SUPPORTED);
      return null;
    }
    if (type instanceof RecordType || type instanceof MapType) {
      return new Result(Result.Kind.OBJECT, type, async, valueType);
    }
    if (type instanceof ArrayType) {
      return new Result(Result.Kind.WRAPPED, type, async, valueType);
    }
    return new Result(Result.Kind.TEXT, type, async, valueType);
  }

  private static Map<String, Boolean> explicitHints(AnnotationMirror mirror) {
    Map<String, Boolean> hints = new LinkedHashMap<>();
    for (Map.Entry<String, String> hint : HINTS.entrySet()) {
      AnnotationValue value = valueOf(mirror, hint.getKey());
      if (value != null) {
        hints.put(hint.getValue(), (Boolean) value.getValue());
      }
    }
    return hints;
  }

  private static AnnotationMirror mirrorOf(ExecutableElement method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(McpTool.class.getCanonicalName())) {
        return mirror;
      }
    }
    throw new IllegalStateException("no @McpTool on " + method);
  }

  /**
   * Returns the value written explicitly for an attribute, or {@code null} when it has its default.
   */
  static AnnotationValue valueOf(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * Returns whether {@code @SuppressWarnings} on the element or an enclosing one names the
   * message's id.
   */
  static boolean isSuppressed(Element element, Message message) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null && List.of(suppress.value()).contains(message.id())) {
        return true;
      }
    }
    return false;
  }
}
