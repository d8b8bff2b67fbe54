package dev.toolsmith.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/**
 * A validated tool method, ready to be written.
 *
 * @param name the tool name
 * @param method the method, for source order and originating elements
 * @param title the display title, empty when none
 * @param description the tool description, empty when none
 * @param hints the tool annotation hints set explicitly, such as {@code readOnlyHint: true}
 * @param parameters the method's parameters, in order
 * @param result how its return value becomes a tool result
 * @param scopes the OAuth scopes a caller needs, empty for none
 * @param rules the rules across its arguments ({@code @McpRequireAnyOf}, {@code @McpRequiredIf})
 * @param task how it runs as a task ({@code @McpTask}), or {@code null} when it never does
 */
record ToolModel(
    String name,
    ExecutableElement method,
    String title,
    String description,
    Map<String, Boolean> hints,
    List<Parameter> parameters,
    Result result,
    List<String> scopes,
    SchemaRules rules,
    Task task) {

  /**
   * How a tool runs as a task.
   *
   * @param required whether only as a task
   * @param startInline whether the call becomes a task only when the tool asks
   */
  record Task(boolean required, boolean startInline) {}

  String methodName() {
    return method.getSimpleName().toString();
  }

  /**
   * Returns whether the method takes a session, which adds the optional {@code session_handle}
   * argument.
   */
  boolean usesSession() {
    return takesSession(parameters);
  }

  /** Returns whether any of these parameters is an injected session. */
  static boolean takesSession(List<Parameter> parameters) {
    for (Parameter parameter : parameters) {
      if (parameter instanceof InjectedParameter injected
          && injected.injection() == Injection.SESSION) {
        return true;
      }
    }
    return false;
  }

  boolean isStatic() {
    return method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC);
  }

  /** A method parameter: decoded from the arguments, or injected by the runtime. */
  sealed interface Parameter {
    String javaName();
  }

  /** A parameter that is a property of the input schema. */
  record JsonParameter(Property property) implements Parameter {
    @Override
    public String javaName() {
      return property.javaName();
    }
  }

  /** A parameter the runtime supplies by type. */
  record InjectedParameter(String javaName, Injection injection) implements Parameter {}

  /** The types the runtime injects, and how generated code obtains each from a {@code ToolCall}. */
  enum Injection {
    REQUEST_CONTEXT(RuntimeNames.REQUEST_CONTEXT, "$1L.context()"),
    LAMBDA_CONTEXT(
        RuntimeNames.LAMBDA_CONTEXT, "$1L.context().transportAttribute($2T.class).orElse(null)"),
    SESSION(RuntimeNames.SESSION, "$1L.session()"),
    IDENTITY(RuntimeNames.IDENTITY, "$1L.context().identity()");

    final ClassName type;

    /**
     * A JavaPoet format: {@code $1L} is the {@code ToolCall} variable's name, {@code $2T} the type.
     */
    private final String expression;

    Injection(ClassName type, String expression) {
      this.type = type;
      this.expression = expression;
    }

    /**
     * Returns the expression that obtains the value from the {@code ToolCall} variable {@code
     * call}.
     */
    com.palantir.javapoet.CodeBlock expression(String call) {
      return expression.contains("$2T")
          ? com.palantir.javapoet.CodeBlock.of(expression, call, type)
          : com.palantir.javapoet.CodeBlock.of(expression, call);
    }
  }

  /**
   * How a return value becomes a result.
   *
   * @param kind the encoding
   * @param type the value's JSON type for {@code OBJECT} and {@code WRAPPED}, else null
   * @param async whether the method returns a {@code CompletionStage} of the value
   * @param valueType the type of the value (inside the stage), for the local variable
   */
  record Result(Kind kind, JsonType type, boolean async, com.palantir.javapoet.TypeName valueType) {
    enum Kind {
      EMPTY,
      TEXT,
      STRING,
      TOOL_RESULT,
      JSON_NODE,
      OBJECT,
      WRAPPED
    }

    boolean hasOutputSchema() {
      return kind == Kind.OBJECT || kind == Kind.WRAPPED;
    }
  }

  /**
   * All tools, resources, prompts and completions of one class.
   *
   * @param instantiable whether the pack can create the tool class with no arguments
   * @param dependencies the parameter types of the constructor the pack calls with what a server
   *     provides, or {@code null} when the class has none ({@link
   *     ToolClassValidator#dependencyConstructor})
   */
  record ToolClass(
      javax.lang.model.element.TypeElement type,
      ClassName className,
      ClassName packName,
      boolean instantiable,
      List<javax.lang.model.type.TypeMirror> dependencies,
      boolean publicClass,
      List<ToolModel> tools,
      List<JsonType.RecordModel> records,
      List<FeatureModel.Resource> resources,
      List<FeatureModel.Prompt> prompts,
      List<FeatureModel.Completion> completions) {

    /** Returns whether every annotated method is static, so the pack needs no instance. */
    boolean allStatic() {
      for (ToolModel tool : tools) {
        if (!tool.isStatic()) {
          return false;
        }
      }
      for (FeatureModel.Resource resource : resources) {
        if (!resource.isStatic()) {
          return false;
        }
      }
      for (FeatureModel.Prompt prompt : prompts) {
        if (!prompt.isStatic()) {
          return false;
        }
      }
      for (FeatureModel.Completion completion : completions) {
        if (!completion.isStatic()) {
          return false;
        }
      }
      return true;
    }
  }
}
