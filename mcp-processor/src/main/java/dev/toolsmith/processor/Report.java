package dev.toolsmith.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The diagnostics found for one tool class, collected by validators that never print or throw, and
 * printed once, all together, so one compile shows every problem.
 */
final class Report {
  private final List<Item> items = new ArrayList<>();

  /**
   * One diagnostic, anchored on an element and, when it is about an attribute, on that attribute.
   */
  record Item(
      Message message,
      Diagnostic.Kind kind,
      String text,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value) {}

  void add(Message message, Element element, Object... args) {
    items.add(new Item(message, message.kind(), message.format(args), element, null, null));
  }

  /** Adds a diagnostic whose kind the build chooses, such as {@code toolsmith.targetViolations}. */
  void addAs(Diagnostic.Kind kind, Message message, Element element, Object... args) {
    items.add(new Item(message, kind, message.format(args), element, null, null));
  }

  void add(
      Message message,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    items.add(new Item(message, message.kind(), message.format(args), element, mirror, value));
  }

  boolean hasErrors() {
    return errorCount() > 0;
  }

  int errorCount() {
    int errors = 0;
    for (Item item : items) {
      if (item.kind() == Diagnostic.Kind.ERROR) {
        errors++;
      }
    }
    return errors;
  }

  void printTo(Messager messager) {
    for (Item item : items) {
      if (item.value() != null) {
        messager.printMessage(
            item.kind(), item.text(), item.element(), item.mirror(), item.value());
      } else if (item.mirror() != null) {
        messager.printMessage(item.kind(), item.text(), item.element(), item.mirror());
      } else {
        messager.printMessage(item.kind(), item.text(), item.element());
      }
    }
    items.clear();
  }
}
