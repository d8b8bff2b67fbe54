package dev.toolsmith.processor;

import dev.toolsmith.annotations.McpNamespace;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Finds the {@link McpNamespace} that applies to a tool class: its own, an enclosing class's, or
 * its package's, nearest first.
 */
final class Namespaces {
  private static final Pattern NAMESPACE = Pattern.compile("^[A-Za-z0-9_.-]*[A-Za-z0-9.-]$");

  private Namespaces() {}

  /**
   * Returns the prefix, with its {@code _} separator, that the class's tool names take, or an empty
   * string when none applies or the one that applies is invalid (which is reported on it).
   */
  static String prefixOf(TypeElement type, Report report) {
    for (Element e = type; e != null; e = e.getEnclosingElement()) {
      McpNamespace namespace = e.getAnnotation(McpNamespace.class);
      if (namespace != null) {
        if (!NAMESPACE.matcher(namespace.value()).matches() || namespace.value().length() > 60) {
          report.add(Message.INVALID_NAMESPACE, e, namespace.value(), where(e));
          return "";
        }
        return namespace.value() + "_";
      }
      if (e.getKind() == ElementKind.PACKAGE) {
        break;
      }
    }
    return "";
  }

  private static String where(Element e) {
    return e.getKind() == ElementKind.PACKAGE
        ? "package " + e
        : ((TypeElement) e).getQualifiedName().toString();
  }
}
