package dev.toolsmith.processor;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
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
}
