package dev.toolsmith.processor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a pack's tools, resources and prompts with its previous version's index, and says which
 * differences break what clients, agent prompts and allow-lists written for that version relied on
 * (a removed tool, a new required parameter, a narrowed type, a removed output field) and which are
 * additive. Inputs and outputs are compared in opposite directions: an input may accept more but
 * not less; an output may promise more but not less.
 *
 * <p>Works on the indexes' JSON, so it sees exactly what models and clients saw, whichever Java
 * change produced it. Tools are matched by name across classes, so moving a tool to another class
 * is no change.
 */
final class Compatibility {
  /** One difference: what it is about, what changed, and whether it breaks callers. */
  record Change(String kind, String name, String what, boolean breaking) {
    String label() {
      return kind + " '" + name + "'";
    }
  }

  private final List<Change> changes = new ArrayList<>();

  /** The schemas being compared, whose {@code $defs} a {@code $ref} on one side resolves in. */
  private Map<String, Object> rootWas = Map.of();

  private Map<String, Object> rootIs = Map.of();

  private Compatibility() {}

  /** Returns the differences between the baseline's indexes and the current ones, by class. */
  static List<Change> compare(
      Map<String, Map<String, Object>> baseline, Map<String, Map<String, Object>> current) {
    Compatibility compatibility = new Compatibility();
    compatibility.compareTools(byName(baseline, "tools", "name"), byName(current, "tools", "name"));
    compatibility.compareNamed(
        "Resource", byName(baseline, "resources", "uri"), byName(current, "resources", "uri"));
    compatibility.compareNamed(
        "Resource template",
        byName(baseline, "resourceTemplates", "uriTemplate"),
        byName(current, "resourceTemplates", "uriTemplate"));
    compatibility.comparePrompts(
        byName(baseline, "prompts", "name"), byName(current, "prompts", "name"));
    return compatibility.changes;
  }

  private void compareTools(
      Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
    for (Map.Entry<String, Map<String, Object>> entry : before.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> now = after.get(name);
      if (now == null) {
        breaking("Tool", name, "removed" + renameHint(entry.getValue(), before, after));
        continue;
      }
      Object input = entry.getValue().get("inputSchema");
      roots(input, now.get("inputSchema"));
      compareInput("Tool", name, "", input, now.get("inputSchema"));
      compareRules(name, map(input), map(now.get("inputSchema")));
      Object output = entry.getValue().get("outputSchema");
      roots(output, now.get("outputSchema"));
      if (output != null && now.get("outputSchema") == null) {
        breaking("Tool", name, "no longer has an output schema (structured content)");
      } else if (output == null && now.get("outputSchema") != null) {
        additive("Tool", name, "now has an output schema");
      } else if (output != null) {
        compareOutput(name, "", output, now.get("outputSchema"));
      }
    }
    for (String name : after.keySet()) {
      if (!before.containsKey(name)) {
        additive("Tool", name, "new");
      }
    }
  }

  /** Names a new tool with the same input schema as a removed one: probably its new name. */
  private static String renameHint(
      Map<String, Object> removed,
      Map<String, Map<String, Object>> before,
      Map<String, Map<String, Object>> after) {
    for (Map.Entry<String, Map<String, Object>> entry : after.entrySet()) {
      if (!before.containsKey(entry.getKey())
          && Objects.equals(entry.getValue().get("inputSchema"), removed.get("inputSchema"))) {
        return " (renamed to '" + entry.getKey() + "'?)";
      }
    }
    return "";
  }

  private void compareNamed(
      String kind,
      Map<String, Map<String, Object>> before,
      Map<String, Map<String, Object>> after) {
    for (String name : before.keySet()) {
      if (!after.containsKey(name)) {
        breaking(kind, name, "removed");
      }
    }
    for (String name : after.keySet()) {
      if (!before.containsKey(name)) {
        additive(kind, name, "new");
      }
    }
  }

  private void comparePrompts(
      Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
    compareNamed("Prompt", before, after);
    for (Map.Entry<String, Map<String, Object>> entry : before.entrySet()) {
      Map<String, Object> now = after.get(entry.getKey());
      if (now == null) {
        continue;
      }
      Map<String, Boolean> was = arguments(entry.getValue());
      Map<String, Boolean> is = arguments(now);
      for (Map.Entry<String, Boolean> argument : is.entrySet()) {
        Boolean required = was.get(argument.getKey());
        if (argument.getValue() && !Boolean.TRUE.equals(required)) {
          breaking(
              "Prompt", entry.getKey(), "argument '" + argument.getKey() + "' is now required");
        } else if (required == null) {
          additive(
              "Prompt", entry.getKey(), "has a new optional argument '" + argument.getKey() + "'");
        }
      }
      for (String argument : was.keySet()) {
        if (!is.containsKey(argument)) {
          breaking("Prompt", entry.getKey(), "argument '" + argument + "' was removed");
        }
      }
    }
  }

  private static Map<String, Boolean> arguments(Map<String, Object> prompt) {
    Map<String, Boolean> arguments = new LinkedHashMap<>();
    for (Object argument : list(prompt.get("arguments"))) {
      Map<String, Object> map = map(argument);
      arguments.put(String.valueOf(map.get("name")), Boolean.TRUE.equals(map.get("required")));
    }
    return arguments;
  }

  /** An input may accept more than before, never less. */
  private void roots(Object before, Object after) {
    rootWas = map(before);
    rootIs = map(after);
  }

  /** Returns both sides, a {@code $ref} on one side only resolved; see {@link SchemaRefs}. */
  private List<Map<String, Object>> resolved(Object before, Object after) {
    return SchemaRefs.resolvePair(
        map(before), map(after), map(rootWas.get("$defs")), map(rootIs.get("$defs")));
  }

  private void compareRules(String tool, Map<String, Object> was, Map<String, Object> is) {
    RuleChange change = RuleChange.between(was, is);
    if (change != null && change.breaking()) {
      breaking("Tool", tool, change.what());
    } else if (change != null) {
      additive("Tool", tool, change.what());
    }
  }

  private void compareInput(String kind, String tool, String path, Object before, Object after) {
    List<Map<String, Object>> sides = resolved(before, after);
    Map<String, Object> was = sides.get(0);
    Map<String, Object> is = sides.get(1);
    if (!Objects.equals(was.get("type"), is.get("type"))) {
      if ("integer".equals(was.get("type")) && "number".equals(is.get("type"))) {
        additive(kind, tool, at(path) + " now accepts any number");
      } else {
        breaking(
            kind, tool, at(path) + " was " + was.get("type") + " and is now " + is.get("type"));
      }
      return;
    }
    compareInputEnum(kind, tool, path, was, is);
    for (String key : List.of("minimum", "exclusiveMinimum", "minLength", "minItems")) {
      if (raised(was.get(key), is.get(key))) {
        breaking(
            kind, tool, at(path) + " now has " + key + " " + text(is.get(key)) + was(was.get(key)));
      }
    }
    for (String key : List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems")) {
      if (raised(is.get(key), was.get(key)) || (is.get(key) != null && was.get(key) == null)) {
        breaking(
            kind, tool, at(path) + " now has " + key + " " + text(is.get(key)) + was(was.get(key)));
      }
    }
    for (String key : List.of("pattern", "format")) {
      if (is.get(key) != null && !Objects.equals(was.get(key), is.get(key))) {
        breaking(
            kind,
            tool,
            at(path) + " now has " + key + " " + literal(is.get(key)) + was(was.get(key)));
      }
    }
    compareInputObject(kind, tool, path, was, is);
    if (was.get("items") != null && is.get("items") != null) {
      compareInput(kind, tool, path + "[]", was.get("items"), is.get("items"));
    }
    compareDefs(was, is, (name, a, b) -> compareInput(kind, tool, "$defs/" + name, a, b));
  }

  private void compareInputEnum(
      String kind, String tool, String path, Map<String, Object> was, Map<String, Object> is) {
    if (!is.containsKey("enum")) {
      if (was.containsKey("enum")) {
        additive(kind, tool, at(path) + " now accepts any value of its type");
      }
      return;
    }
    List<Object> enumIs = list(is.get("enum"));
    if (!was.containsKey("enum")) {
      breaking(kind, tool, at(path) + " is now limited to " + enumIs);
      return;
    }
    List<Object> enumWas = list(was.get("enum"));
    for (Object value : enumWas) {
      if (!enumIs.contains(value)) {
        breaking(kind, tool, at(path) + " no longer accepts " + literal(value));
      }
    }
    for (Object value : enumIs) {
      if (!enumWas.contains(value)) {
        additive(kind, tool, at(path) + " now also accepts " + literal(value));
      }
    }
  }

  private void compareInputObject(
      String kind, String tool, String path, Map<String, Object> was, Map<String, Object> is) {
    Map<String, Object> propsWas = map(was.get("properties"));
    Map<String, Object> propsIs = map(is.get("properties"));
    List<Object> requiredWas = list(was.get("required"));
    List<Object> requiredIs = list(is.get("required"));
    for (Object name : requiredIs) {
      if (!requiredWas.contains(name)) {
        breaking(
            kind,
            tool,
            at(child(path, name))
                + (propsWas.containsKey(name) ? " is now required" : " is new and required"));
      }
    }
    for (String name : propsWas.keySet()) {
      if (!propsIs.containsKey(name) && Boolean.FALSE.equals(is.get("additionalProperties"))) {
        breaking(kind, tool, at(child(path, name)) + " is no longer accepted");
      }
    }
    for (Map.Entry<String, Object> property : propsIs.entrySet()) {
      String name = property.getKey();
      if (!propsWas.containsKey(name) && !requiredIs.contains(name)) {
        additive(kind, tool, at(child(path, name)) + " is a new optional parameter");
      } else if (propsWas.containsKey(name)) {
        compareInput(kind, tool, child(path, name), propsWas.get(name), property.getValue());
      }
    }
    if (Boolean.FALSE.equals(is.get("additionalProperties"))
        && !Boolean.FALSE.equals(was.get("additionalProperties"))
        && "object".equals(is.get("type"))) {
      breaking(kind, tool, at(path) + " no longer accepts properties it does not list");
    }
  }

  /** An output may promise more than before, never less. */
  private void compareOutput(String tool, String path, Object before, Object after) {
    List<Map<String, Object>> sides = resolved(before, after);
    Map<String, Object> was = sides.get(0);
    Map<String, Object> is = sides.get(1);
    if (!Objects.equals(was.get("type"), is.get("type"))) {
      breaking(
          "Tool",
          tool,
          "result " + at(path) + " was " + was.get("type") + " and is now " + is.get("type"));
      return;
    }
    for (Object value : list(is.get("enum"))) {
      if (was.containsKey("enum") && !list(was.get("enum")).contains(value)) {
        breaking("Tool", tool, "result " + at(path) + " may now be " + literal(value));
      }
    }
    Map<String, Object> propsWas = map(was.get("properties"));
    Map<String, Object> propsIs = map(is.get("properties"));
    List<Object> requiredIs = list(is.get("required"));
    for (Map.Entry<String, Object> property : propsWas.entrySet()) {
      String name = property.getKey();
      if (!propsIs.containsKey(name)) {
        breaking("Tool", tool, "result " + at(child(path, name)) + " was removed");
      } else {
        if (list(was.get("required")).contains(name) && !requiredIs.contains(name)) {
          breaking("Tool", tool, "result " + at(child(path, name)) + " may now be missing");
        }
        compareOutput(tool, child(path, name), property.getValue(), propsIs.get(name));
      }
    }
    for (String name : propsIs.keySet()) {
      if (!propsWas.containsKey(name)) {
        additive("Tool", tool, "result " + at(child(path, name)) + " is new");
      }
    }
    if (was.get("items") != null && is.get("items") != null) {
      compareOutput(tool, path + "[]", was.get("items"), is.get("items"));
    }
    compareDefs(was, is, (name, a, b) -> compareOutput(tool, "$defs/" + name, a, b));
  }

  private interface DefComparison {
    void compare(String name, Object before, Object after);
  }

  private static void compareDefs(
      Map<String, Object> was, Map<String, Object> is, DefComparison how) {
    Map<String, Object> defsWas = map(was.get("$defs"));
    Map<String, Object> defsIs = map(is.get("$defs"));
    for (Map.Entry<String, Object> def : defsWas.entrySet()) {
      if (defsIs.containsKey(def.getKey())) {
        how.compare(def.getKey(), def.getValue(), defsIs.get(def.getKey()));
      }
    }
  }

  private static boolean raised(Object before, Object after) {
    if (after == null) {
      return false;
    }
    if (before == null) {
      return true;
    }
    return number(after).compareTo(number(before)) > 0;
  }

  private static BigDecimal number(Object value) {
    return new BigDecimal(value instanceof JsonText.Number n ? n.text() : String.valueOf(value));
  }

  private static String was(Object before) {
    return before == null ? " (it had none)" : " (it was " + text(before) + ")";
  }

  private static String text(Object value) {
    return value instanceof JsonText.Number n ? n.text() : String.valueOf(value);
  }

  private static String literal(Object value) {
    if (value instanceof String string) {
      StringBuilder out = new StringBuilder();
      JsonText.quote(out, string);
      return out.toString();
    }
    return text(value);
  }

  private static String child(String path, Object name) {
    return path.isEmpty() ? String.valueOf(name) : path + "." + name;
  }

  private static String at(String path) {
    return path.isEmpty() ? "its input" : "'" + path + "'";
  }

  private void breaking(String kind, String name, String what) {
    changes.add(new Change(kind, name, what, true));
  }

  private void additive(String kind, String name, String what) {
    changes.add(new Change(kind, name, what, false));
  }

  /** Returns the entries of one list member of every index, by their name member. */
  private static Map<String, Map<String, Object>> byName(
      Map<String, Map<String, Object>> indexes, String member, String nameMember) {
    Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    for (Map<String, Object> index : indexes.values()) {
      for (Object entry : list(index.get(member))) {
        Map<String, Object> map = map(entry);
        byName.put(String.valueOf(map.get(nameMember)), map);
      }
    }
    return byName;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value instanceof List ? (List<Object>) value : List.of();
  }
}
