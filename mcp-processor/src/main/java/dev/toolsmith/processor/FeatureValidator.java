package dev.toolsmith.processor;

import com.palantir.javapoet.TypeName;
import dev.toolsmith.annotations.CacheScope;
import dev.toolsmith.annotations.McpCompletion;
import dev.toolsmith.annotations.McpPrompt;
import dev.toolsmith.annotations.McpResource;
import dev.toolsmith.processor.FeatureModel.Argument;
import dev.toolsmith.processor.FeatureModel.Binding;
import dev.toolsmith.processor.FeatureModel.Injected;
import dev.toolsmith.processor.FeatureModel.PromptReturn;
import dev.toolsmith.processor.FeatureModel.ResourceReturn;
import dev.toolsmith.processor.FeatureModel.Variable;
import dev.toolsmith.processor.FeatureModel.VariableType;
import dev.toolsmith.processor.ToolModel.Injection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Checks {@code @McpResource}, {@code @McpPrompt} and {@code @McpCompletion} methods and turns them
 * into {@link FeatureModel}s, reporting every problem rather than stopping at the first. Whether a
 * completion's target exists is checked once the whole class is known, in {@link #checkTargets}.
 */
final class FeatureValidator {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.+");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final Set<String> ASYNC =
      Set.of("java.util.concurrent.CompletionStage", "java.util.concurrent.CompletableFuture");
  private static final String RUNTIME = "dev.toolsmith.runtime.";

  private final Elements elements;

  FeatureValidator(Elements elements) {
    this.elements = elements;
  }

  /** Returns the resource, or {@code null} when the method has errors (all of them reported). */
  FeatureModel.Resource resource(ExecutableElement method, TypeElement owner, Report report) {
    int errorsBefore = report.errorCount();
    McpResource annotation = method.getAnnotation(McpResource.class);
    ToolMethodValidator.checkCallable(method, owner, "@McpResource", report);
    List<String> variables = templateVariables(annotation.uri(), method, report);
    Javadoc doc = Javadoc.parse(elements.getDocComment(method));
    ToolMethodValidator.checkJavadocParams(method, doc, report);

    List<Binding> parameters = new ArrayList<>();
    List<String> bound = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      String javaName = parameter.getSimpleName().toString();
      Injection injection = ToolMethodValidator.injectionFor(parameter.asType());
      if (injection != null && injection != Injection.SESSION) {
        parameters.add(new Injected(javaName, injection));
        continue;
      }
      if (variables == null || !variables.contains(javaName)) {
        if (variables != null) {
          report.add(
              Message.UNBOUND_RESOURCE_PARAMETER,
              parameter,
              javaName,
              method.getSimpleName(),
              annotation.uri(),
              javaName);
        }
        continue;
      }
      VariableType type = variableType(parameter.asType());
      if (type == null) {
        report.add(
            Message.UNSUPPORTED_VARIABLE_TYPE,
            parameter,
            javaName,
            method.getSimpleName(),
            parameter.asType());
        continue;
      }
      parameters.add(new Variable(javaName, type));
      bound.add(javaName);
    }
    if (variables != null) {
      for (String variable : variables) {
        if (!bound.contains(variable) && !hasParameter(method, variable)) {
          report.add(
              Message.UNBOUND_TEMPLATE_VARIABLE,
              method,
              variable,
              method.getSimpleName(),
              variable);
        }
      }
    }

    TypeMirror returned = method.getReturnType();
    boolean async = isAsync(returned);
    TypeMirror value = valueOf(returned);
    ResourceReturn returns = value == null ? null : resourceReturn(value);
    if (returns == null) {
      report.add(
          Message.UNSUPPORTED_RESOURCE_RETURN_TYPE, method, method.getSimpleName(), returned);
    }
    String description =
        annotation.description().isEmpty() ? doc.description() : annotation.description();
    warnIfUndescribed(method, "@McpResource", description, report);
    List<String> scopes = ScopeReader.read(method, report);
    boolean callers =
        parameters.stream()
            .anyMatch(
                p -> p instanceof Injected injected && injected.injection() == Injection.IDENTITY);
    if (callers && annotation.cacheScope() == CacheScope.PUBLIC) {
      report.add(Message.PUBLIC_CACHE_OF_CALLERS_RESOURCE, method, method.getSimpleName());
    }
    if (annotation.cacheTtlMs() < -1) {
      report.add(
          Message.INVALID_CACHE_TTL, method, method.getSimpleName(), annotation.cacheTtlMs());
    }
    if (report.errorCount() > errorsBefore) {
      return null;
    }
    String mimeType =
        !annotation.mimeType().isEmpty()
            ? annotation.mimeType()
            : returns == ResourceReturn.STRING
                ? "text/plain"
                : returns == ResourceReturn.BYTES ? "application/octet-stream" : "";
    String name =
        annotation.name().isEmpty()
            ? Naming.snakeCase(method.getSimpleName().toString())
            : annotation.name();
    return new FeatureModel.Resource(
        method,
        annotation.uri(),
        variables,
        name,
        annotation.title(),
        description,
        mimeType,
        parameters,
        returns,
        async,
        TypeName.get(value).withoutAnnotations(),
        scopes,
        annotation.cacheTtlMs(),
        annotation.cacheScope() == CacheScope.PRIVATE
            || (annotation.cacheScope() == CacheScope.DEFAULT && callers));
  }

  /** Returns the prompt, or {@code null} when the method has errors (all of them reported). */
  FeatureModel.Prompt prompt(ExecutableElement method, TypeElement owner, Report report) {
    int errorsBefore = report.errorCount();
    McpPrompt annotation = method.getAnnotation(McpPrompt.class);
    ToolMethodValidator.checkCallable(method, owner, "@McpPrompt", report);
    String name =
        annotation.name().isEmpty()
            ? Naming.snakeCase(method.getSimpleName().toString())
            : annotation.name();
    if (!Naming.TOOL_NAME.matcher(name).matches()) {
      report.add(Message.INVALID_PROMPT_NAME, method, name, Naming.suggestToolName(name));
    }
    Javadoc doc = Javadoc.parse(elements.getDocComment(method));
    ToolMethodValidator.checkJavadocParams(method, doc, report);
    List<Binding> parameters = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      String javaName = parameter.getSimpleName().toString();
      Injection injection = ToolMethodValidator.injectionFor(parameter.asType());
      if (injection != null && injection != Injection.SESSION) {
        parameters.add(new Injected(javaName, injection));
        continue;
      }
      boolean string = is(parameter.asType(), "java.lang.String");
      boolean optional =
          is(parameter.asType(), "java.util.Optional")
              && is(firstTypeArgument(parameter.asType()), "java.lang.String");
      if (!string && !optional) {
        report.add(
            Message.UNSUPPORTED_PROMPT_PARAMETER_TYPE,
            parameter,
            javaName,
            method.getSimpleName(),
            parameter.asType());
        continue;
      }
      McpParamValues override = McpParamValues.of(parameter);
      String description =
          override.description().isEmpty()
              ? doc.params().getOrDefault(javaName, "")
              : override.description();
      boolean required = string && !ConstraintReader.isNullable(parameter);
      parameters.add(
          new Argument(javaName, override.nameOr(javaName), description, required, optional));
    }
    TypeMirror returned = method.getReturnType();
    boolean async = isAsync(returned);
    TypeMirror value = valueOf(returned);
    PromptReturn returns = value == null ? null : promptReturn(value);
    if (returns == null) {
      report.add(Message.UNSUPPORTED_PROMPT_RETURN_TYPE, method, method.getSimpleName(), returned);
    }
    String description =
        annotation.description().isEmpty() ? doc.description() : annotation.description();
    warnIfUndescribed(method, "@McpPrompt", description, report);
    List<String> scopes = ScopeReader.read(method, report);
    if (report.errorCount() > errorsBefore) {
      return null;
    }
    return new FeatureModel.Prompt(
        method,
        name,
        annotation.title(),
        description,
        parameters,
        returns,
        async,
        TypeName.get(value).withoutAnnotations(),
        scopes);
  }

  /** Returns the completion, or {@code null} when the method has errors (all of them reported). */
  FeatureModel.Completion completion(ExecutableElement method, TypeElement owner, Report report) {
    int errorsBefore = report.errorCount();
    McpCompletion annotation = method.getAnnotation(McpCompletion.class);
    ToolMethodValidator.checkCallable(method, owner, "@McpCompletion", report);
    boolean prompt = !annotation.prompt().isEmpty();
    boolean resource = !annotation.resource().isEmpty();
    if (prompt == resource) {
      report.add(
          Message.COMPLETION_TARGET,
          method,
          method.getSimpleName(),
          prompt
              ? "sets both prompt and resource; set exactly one"
              : "sets neither prompt nor resource; name the prompt or the resource template whose argument it completes");
    }
    List<? extends VariableElement> parameters = method.getParameters();
    boolean withContext =
        parameters.size() == 2
            && is(parameters.get(1).asType(), "java.util.Map")
            && mapOfStrings(parameters.get(1).asType());
    boolean signatureOk =
        (parameters.size() == 1 || withContext)
            && is(parameters.get(0).asType(), "java.lang.String");
    boolean returnsCompletion = is(method.getReturnType(), RUNTIME + "Completion");
    boolean returnsList =
        is(method.getReturnType(), "java.util.List")
            && is(firstTypeArgument(method.getReturnType()), "java.lang.String");
    if (!signatureOk || (!returnsCompletion && !returnsList)) {
      report.add(Message.COMPLETION_SIGNATURE, method, method.getSimpleName(), signature(method));
    }
    if (report.errorCount() > errorsBefore) {
      return null;
    }
    return new FeatureModel.Completion(
        method,
        prompt,
        prompt ? annotation.prompt() : annotation.resource(),
        annotation.argument(),
        withContext,
        returnsCompletion);
  }

  /** Reports completions whose prompt, template or argument the class does not declare. */
  static List<FeatureModel.Completion> checkTargets(
      List<FeatureModel.Completion> completions,
      List<FeatureModel.Resource> resources,
      List<FeatureModel.Prompt> prompts,
      Report report) {
    List<FeatureModel.Completion> valid = new ArrayList<>();
    for (FeatureModel.Completion completion : completions) {
      String problem = null;
      if (completion.prompt()) {
        FeatureModel.Prompt prompt = null;
        for (FeatureModel.Prompt candidate : prompts) {
          prompt = candidate.name().equals(completion.reference()) ? candidate : prompt;
        }
        if (prompt == null) {
          problem =
              "names prompt '"
                  + completion.reference()
                  + "', which this class does not declare; its prompts are "
                  + names(prompts.stream().map(FeatureModel.Prompt::name).toList());
        } else if (prompt.arguments().stream()
            .noneMatch(a -> a.name().equals(completion.argument()))) {
          problem =
              "names argument '"
                  + completion.argument()
                  + "', which prompt '"
                  + prompt.name()
                  + "' does not have; its "
                  + "arguments are "
                  + names(prompt.arguments().stream().map(Argument::name).toList());
        }
      } else {
        FeatureModel.Resource template = null;
        for (FeatureModel.Resource candidate : resources) {
          template =
              candidate.isTemplate() && candidate.uri().equals(completion.reference())
                  ? candidate
                  : template;
        }
        if (template == null) {
          problem =
              "names resource template \""
                  + completion.reference()
                  + "\", which this class does not declare; its "
                  + "templates are "
                  + names(
                      resources.stream()
                          .filter(FeatureModel.Resource::isTemplate)
                          .map(FeatureModel.Resource::uri)
                          .toList());
        } else if (!template.variables().contains(completion.argument())) {
          problem =
              "names variable '"
                  + completion.argument()
                  + "', which \""
                  + template.uri()
                  + "\" does not have; its "
                  + "variables are "
                  + names(template.variables());
        }
      }
      if (problem != null) {
        report.add(
            Message.COMPLETION_TARGET, completion.method(), completion.methodName(), problem);
      } else {
        valid.add(completion);
      }
    }
    return valid;
  }

  private static String names(List<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /**
   * Returns the variables of a level-1 template (empty for a plain URI), or {@code null} after
   * reporting why it is unusable.
   */
  private static List<String> templateVariables(
      String uri, ExecutableElement method, Report report) {
    String problem = null;
    List<String> variables = new ArrayList<>();
    if (!SCHEME.matcher(uri).matches()) {
      problem = "it needs a scheme, such as file:///notes.txt or library://catalog";
    }
    int at = 0;
    while (problem == null && at < uri.length()) {
      int open = uri.indexOf('{', at);
      int close = uri.indexOf('}', at);
      if (open < 0) {
        problem = close >= 0 ? "'}' at position " + (close + 1) + " closes no '{'" : null;
        break;
      }
      if (close >= 0 && close < open) {
        problem = "'}' at position " + (close + 1) + " closes no '{'";
        break;
      }
      close = uri.indexOf('}', open);
      if (close < 0) {
        problem = "'{' at position " + (open + 1) + " is never closed";
        break;
      }
      String name = uri.substring(open + 1, close);
      if (!VARIABLE_NAME.matcher(name).matches()) {
        problem =
            "{"
                + name
                + "} is not a simple variable; only level-1 variables such as {id} are supported";
      } else if (variables.contains(name)) {
        problem = "{" + name + "} appears twice";
      } else if (close + 1 < uri.length() && uri.charAt(close + 1) == '{') {
        problem =
            "{"
                + name
                + "} is directly followed by another variable, so the URI cannot be split between them";
      }
      variables.add(name);
      at = close + 1;
    }
    if (problem != null) {
      report.add(Message.INVALID_RESOURCE_URI, method, uri, method.getSimpleName(), problem);
      return null;
    }
    return variables;
  }

  private static boolean hasParameter(ExecutableElement method, String name) {
    for (VariableElement parameter : method.getParameters()) {
      if (parameter.getSimpleName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }

  private static VariableType variableType(TypeMirror type) {
    if (type.getKind() == TypeKind.INT || is(type, "java.lang.Integer")) {
      return VariableType.INT;
    }
    if (type.getKind() == TypeKind.LONG || is(type, "java.lang.Long")) {
      return VariableType.LONG;
    }
    if (is(type, "java.lang.String")) {
      return VariableType.STRING;
    }
    if (is(type, "java.util.UUID")) {
      return VariableType.UUID;
    }
    return null;
  }

  private static ResourceReturn resourceReturn(TypeMirror type) {
    if (is(type, "java.lang.String")) {
      return ResourceReturn.STRING;
    }
    if (type.getKind() == TypeKind.ARRAY
        && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
      return ResourceReturn.BYTES;
    }
    if (is(type, RUNTIME + "ResourceContents")) {
      return ResourceReturn.CONTENTS;
    }
    if (is(type, "java.util.List") && is(firstTypeArgument(type), RUNTIME + "ResourceContents")) {
      return ResourceReturn.CONTENTS_LIST;
    }
    return null;
  }

  private static PromptReturn promptReturn(TypeMirror type) {
    if (is(type, "java.lang.String")) {
      return PromptReturn.STRING;
    }
    if (is(type, RUNTIME + "PromptMessage")) {
      return PromptReturn.MESSAGE;
    }
    if (is(type, "java.util.List") && is(firstTypeArgument(type), RUNTIME + "PromptMessage")) {
      return PromptReturn.MESSAGES;
    }
    if (is(type, RUNTIME + "PromptResult")) {
      return PromptReturn.RESULT;
    }
    return null;
  }

  /**
   * Returns what a method's result holds: the type argument of a {@code CompletionStage}, else the
   * type itself.
   */
  private static TypeMirror valueOf(TypeMirror returned) {
    return isAsync(returned) ? firstTypeArgument(returned) : returned;
  }

  private static boolean isAsync(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ASYNC.contains(
            ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString());
  }

  private static boolean mapOfStrings(TypeMirror type) {
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return arguments.size() == 2
        && is(arguments.get(0), "java.lang.String")
        && is(arguments.get(1), "java.lang.String");
  }

  /** Returns the first type argument of a declared type, or {@code null}. */
  private static TypeMirror firstTypeArgument(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return arguments.isEmpty() || arguments.get(0).getKind() == TypeKind.WILDCARD
        ? null
        : arguments.get(0);
  }

  private static boolean is(TypeMirror type, String qualifiedName) {
    return type != null
        && type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  private static String signature(ExecutableElement method) {
    List<String> types = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      types.add(parameter.asType().toString());
    }
    return method.getReturnType()
        + " "
        + method.getSimpleName()
        + "("
        + String.join(", ", types)
        + ")";
  }

  private static void warnIfUndescribed(
      ExecutableElement method, String annotation, String description, Report report) {
    if (description.isEmpty()
        && !ToolMethodValidator.isSuppressed(method, Message.MISSING_DESCRIPTION)) {
      report.add(
          Message.MISSING_DESCRIPTION, method, annotation, method.getSimpleName(), annotation);
    }
  }
}
