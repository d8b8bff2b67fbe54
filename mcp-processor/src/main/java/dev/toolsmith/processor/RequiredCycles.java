package dev.toolsmith.processor;

import com.palantir.javapoet.ClassName;
import dev.toolsmith.processor.JsonType.RecordModel;
import dev.toolsmith.processor.JsonType.RecordType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Finds records that require themselves: a chain of required record components that leads back to
 * where it started has no finite JSON value, so no client could ever send a valid call.
 */
final class RequiredCycles {
  private RequiredCycles() {}

  /**
   * Reports every record that requires itself: a chain of required record components that leads
   * back to where it started has no finite JSON value, so no client could ever send a valid call. A
   * list, map or optional step ends the chain, since an empty or absent value satisfies it.
   */
  static void report(
      Map<ClassName, RecordModel> records,
      Set<ClassName> recursive,
      Map<ClassName, TypeElement> elements,
      Report report) {
    Set<ClassName> onReportedCycle = new HashSet<>();
    for (ClassName start : records.keySet()) {
      if (!recursive.contains(start) || onReportedCycle.contains(start)) {
        continue;
      }
      List<Property> cycle =
          requiredPathTo(records, start, start, new ArrayList<>(), new HashSet<>());
      if (cycle == null) {
        continue;
      }
      List<String> steps = new ArrayList<>();
      ClassName owner = start;
      for (Property step : cycle) {
        steps.add(owner.simpleName() + "." + step.javaName());
        owner = ((RecordType) step.type()).javaType();
        onReportedCycle.add(owner);
      }
      Property first = cycle.get(0);
      report.add(
          Message.REQUIRED_CYCLE,
          component(elements.get(start), first.javaName()),
          start.simpleName(),
          String.join(" -> ", steps) + " -> " + start.simpleName(),
          first.javaName(),
          ((RecordType) first.type()).javaType().simpleName());
    }
  }

  /** Returns the required record components leading from {@code from} to {@code target}. */
  private static List<Property> requiredPathTo(
      Map<ClassName, RecordModel> records,
      ClassName from,
      ClassName target,
      List<Property> path,
      Set<ClassName> visited) {
    if (!visited.add(from)) {
      return null;
    }
    for (Property property : records.get(from).properties()) {
      if (!property.required() || !(property.type() instanceof RecordType next)) {
        continue;
      }
      path.add(property);
      if (next.javaType().equals(target)) {
        return path;
      }
      List<Property> found = requiredPathTo(records, next.javaType(), target, path, visited);
      if (found != null) {
        return found;
      }
      path.remove(path.size() - 1);
    }
    return null;
  }

  private static Element component(TypeElement record, String javaName) {
    for (RecordComponentElement component : record.getRecordComponents()) {
      if (component.getSimpleName().contentEquals(javaName)) {
        return TypeMapper.positioned(component);
      }
    }
    return record;
  }
}
