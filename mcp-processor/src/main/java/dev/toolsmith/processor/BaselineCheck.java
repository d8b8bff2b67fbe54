package dev.toolsmith.processor;

import dev.toolsmith.annotations.McpTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Runs the compatibility check of {@value Baseline#OPTION}: reads the previous version's index,
 * compares it with this build's ({@link Compatibility}) and reports each breaking change as an
 * error (a warning when {@value Baseline#ACCEPT_OPTION} accepts it) on the tool's method where the
 * tool still exists, and each additive change as a note.
 */
final class BaselineCheck {
  private BaselineCheck() {}

  /**
   * @param current this build's index text by class, as written
   * @param toolMethods the method of each tool this compilation generated, for positions
   */
  static void run(
      Map<String, String> options,
      Map<String, String> current,
      Map<String, Element> toolMethods,
      Messager messager) {
    String location = options.get(Baseline.OPTION);
    if (location == null || location.isBlank() || current.isEmpty()) {
      // No pack in this compilation or its output: a test compilation that shares the compiler
      // arguments, say, where every tool would look removed.
      return;
    }
    Path path = Path.of(location.strip());
    Map<String, Map<String, Object>> before;
    Map<String, Map<String, Object>> after = new LinkedHashMap<>();
    try {
      before = Baseline.read(path);
      for (Map.Entry<String, String> index : current.entrySet()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) JsonReader.read(index.getValue());
        after.put(index.getKey(), parsed);
      }
    } catch (IOException | RuntimeException e) {
      messager.printMessage(
          Message.BASELINE_UNREADABLE.kind(),
          Message.BASELINE_UNREADABLE.format(location, e.getMessage()));
      return;
    }
    Set<String> accepted = accepted(options.get(Baseline.ACCEPT_OPTION));
    String baseline = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    for (Compatibility.Change change : Compatibility.compare(before, after)) {
      Element anchor = change.kind().equals("Tool") ? toolMethods.get(change.name()) : null;
      String text;
      Diagnostic.Kind kind;
      if (change.breaking()) {
        text =
            Message.BREAKING_CHANGE.format(change.label(), change.what(), baseline, change.name());
        kind =
            accepted.contains("all") || accepted.contains(change.name())
                ? Diagnostic.Kind.WARNING
                : Diagnostic.Kind.ERROR;
      } else {
        text = Message.ADDITIVE_CHANGE.format(change.label(), change.what(), baseline);
        kind = Diagnostic.Kind.NOTE;
      }
      if (anchor != null) {
        messager.printMessage(kind, text, anchor);
      } else {
        messager.printMessage(kind, text);
      }
    }
  }

  /**
   * Returns each tool's method as the last round's element: javac's elements from an earlier round
   * no longer know their source position.
   *
   * @param toolMethods each tool's class and method name
   */
  static Map<String, Element> currentElements(
      Elements elements, Map<String, String[]> toolMethods) {
    Map<String, Element> now = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> tool : toolMethods.entrySet()) {
      TypeElement type = elements.getTypeElement(tool.getValue()[0]);
      for (Element member : type == null ? List.<Element>of() : type.getEnclosedElements()) {
        if (member.getKind() == ElementKind.METHOD
            && member.getSimpleName().contentEquals(tool.getValue()[1])
            && member.getAnnotation(McpTool.class) != null) {
          now.put(tool.getKey(), member);
        }
      }
    }
    return now;
  }

  private static Set<String> accepted(String option) {
    if (option == null || option.isBlank()) {
      return Set.of();
    }
    Set<String> names = new java.util.HashSet<>();
    for (String name : option.split(",")) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return names;
  }
}
