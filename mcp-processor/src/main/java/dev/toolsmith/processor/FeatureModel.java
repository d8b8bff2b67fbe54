package dev.toolsmith.processor;

import com.palantir.javapoet.TypeName;
import dev.toolsmith.processor.ToolModel.Injection;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/** The validated resources, prompts and completions of a class, ready to be written. */
final class FeatureModel {
  private FeatureModel() {}

  /**
   * A parameter of a resource or prompt method: bound to a URI variable or prompt argument, or
   * injected.
   */
  sealed interface Binding {
    String javaName();
  }

  /** A parameter the runtime injects, such as the request context or the caller's identity. */
  record Injected(String javaName, Injection injection) implements Binding {}

  /** A parameter bound to a URI template variable of the same name. */
  record Variable(String javaName, VariableType type) implements Binding {}

  /**
   * A parameter bound to a prompt argument.
   *
   * @param optional whether the parameter is an {@code Optional<String>} (else a possibly null
   *     String)
   */
  record Argument(
      String javaName, String name, String description, boolean required, boolean optional)
      implements Binding {}

  /** The types a URI variable converts to, and the runtime reader for each. */
  enum VariableType {
    STRING("text"),
    INT("integer"),
    LONG("longInteger"),
    UUID("uuid");

    final String reader;

    VariableType(String reader) {
      this.reader = reader;
    }
  }

  /** What a resource method returns, and so how its result becomes contents. */
  enum ResourceReturn {
    STRING,
    BYTES,
    CONTENTS,
    CONTENTS_LIST
  }

  /** What a prompt method returns, and so how its result becomes a {@code PromptResult}. */
  enum PromptReturn {
    STRING,
    MESSAGE,
    MESSAGES,
    RESULT
  }

  /**
   * A resource or resource template.
   *
   * @param variables the template's variables in order; empty for a static URI
   * @param mimeType the MIME type to report, or empty when the contents say it themselves
   * @param cacheTtlMs how long a client may reuse a read, in milliseconds; -1 for the server's
   * @param privateCache whether only the reading caller may reuse a read
   */
  record Resource(
      ExecutableElement method,
      String uri,
      List<String> variables,
      String name,
      String title,
      String description,
      String mimeType,
      List<Binding> parameters,
      ResourceReturn returns,
      boolean async,
      TypeName valueType,
      List<String> scopes,
      long cacheTtlMs,
      boolean privateCache) {
    boolean isTemplate() {
      return !variables.isEmpty();
    }

    String methodName() {
      return method.getSimpleName().toString();
    }

    boolean isStatic() {
      return method.getModifiers().contains(Modifier.STATIC);
    }
  }

  /** A prompt. */
  record Prompt(
      ExecutableElement method,
      String name,
      String title,
      String description,
      List<Binding> parameters,
      PromptReturn returns,
      boolean async,
      TypeName valueType,
      List<String> scopes) {
    String methodName() {
      return method.getSimpleName().toString();
    }

    boolean isStatic() {
      return method.getModifiers().contains(Modifier.STATIC);
    }

    /** Returns the arguments, in parameter order. */
    List<Argument> arguments() {
      return parameters.stream()
          .filter(Argument.class::isInstance)
          .map(Argument.class::cast)
          .toList();
    }
  }

  /**
   * A completion.
   *
   * @param prompt whether it completes a prompt argument (else a template variable)
   * @param reference the prompt's name or the template's URI
   * @param withContext whether the method takes the other arguments as a map
   * @param returnsCompletion whether it returns {@code Completion} (else {@code List<String>})
   */
  record Completion(
      ExecutableElement method,
      boolean prompt,
      String reference,
      String argument,
      boolean withContext,
      boolean returnsCompletion) {
    String methodName() {
      return method.getSimpleName().toString();
    }

    boolean isStatic() {
      return method.getModifiers().contains(Modifier.STATIC);
    }

    /** The key generated code switches on: the reference and the argument. */
    String key() {
      return (prompt ? "prompt:" : "resource:") + reference + "#" + argument;
    }
  }
}
