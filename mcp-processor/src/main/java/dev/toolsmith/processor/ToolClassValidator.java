package dev.toolsmith.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks that generated code can reach a tool class, and decides whether it can create one itself.
 */
final class ToolClassValidator {
  private ToolClassValidator() {}

  /** Reports why generated code cannot use the class; returns whether it can. */
  static boolean validate(TypeElement type, List<ExecutableElement> methods, Report report) {
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      String kind = type.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      report.add(
          Message.TOOL_CLASS_KIND,
          methods.get(0),
          kind.startsWith("a") || kind.startsWith("e") || kind.startsWith("i")
              ? "an " + kind
              : "a " + kind,
          type.getSimpleName(),
          methods.get(0).getSimpleName());
      return false;
    }
    String problem = unreachability(type);
    if (problem != null) {
      report.add(
          Message.UNREACHABLE_TOOL_CLASS,
          type,
          type.getQualifiedName(),
          Naming.packSimpleName(type),
          problem);
      return false;
    }
    return true;
  }

  private static String unreachability(TypeElement type) {
    if (type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      return "it is a local or anonymous class; declare it as a top-level or static nested class";
    }
    for (Element e = type; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return (e == type
                ? "it is private"
                : "its enclosing class " + e.getSimpleName() + " is private")
            + "; make it package-private or public";
      }
      if (e instanceof TypeElement nested
          && nested.getNestingKind() == NestingKind.MEMBER
          && !nested.getModifiers().contains(Modifier.STATIC)
          && nested.getKind() == ElementKind.CLASS) {
        return (e == type
                ? "it is an inner class"
                : "its enclosing class " + e.getSimpleName() + " is an inner class")
            + " that needs an outer instance; make it static";
      }
    }
    return null;
  }

  /**
   * Returns whether the generated pack can create the tool class itself: it is concrete and has a
   * no-argument constructor that is not private. Such packs are listed for {@code ServiceLoader}.
   */
  static boolean hasUsableNoArgConstructor(TypeElement type) {
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      return false;
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the parameter types of the constructor a server can call with what it {@code provide}s,
   * for a tool class without a usable no-argument constructor, or {@code null} when it has none:
   * the class is concrete and has exactly one constructor that is not private, and each of its
   * parameters is a plain class or interface type (no type arguments) outside {@code java.lang}, so
   * that looking a value up by its type says which one is meant, unlike a {@code String} or a
   * {@code List<String>}.
   */
  static List<TypeMirror> dependencyConstructor(TypeElement type) {
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      return null;
    }
    ExecutableElement only = null;
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
        if (only != null) {
          return null;
        }
        only = constructor;
      }
    }
    if (only == null || only.getParameters().isEmpty()) {
      return null;
    }
    List<TypeMirror> types = new ArrayList<>();
    for (VariableElement parameter : only.getParameters()) {
      TypeMirror parameterType = parameter.asType();
      if (parameterType.getKind() != TypeKind.DECLARED
          || !((DeclaredType) parameterType).getTypeArguments().isEmpty()
          || packageOf(((DeclaredType) parameterType).asElement()).equals("java.lang")) {
        return null;
      }
      types.add(parameterType);
    }
    return types;
  }

  private static String packageOf(Element element) {
    Element e = element;
    while (e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return e.toString();
  }
}
