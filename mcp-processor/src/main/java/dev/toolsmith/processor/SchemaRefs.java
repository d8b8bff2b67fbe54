package dev.toolsmith.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inlines {@code $ref}s to a schema's own {@code $defs}, for targets that have no references: each
 * reference is replaced by its definition (without {@code $anchor}), and {@code $defs} goes when
 * nothing refers to it any more. A definition that contains itself cannot be inlined; its
 * references stay (the target check has reported it).
 */
final class SchemaRefs {
  private static final String PREFIX = "#/$defs/";

  private SchemaRefs() {}

  /**
   * Returns a schema that is a reference into {@code defs} as the definition it names (keywords
   * beside the reference kept), or the schema itself when it is no such reference.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> resolveOne(Map<String, Object> schema, Map<String, Object> defs) {
    if (!(schema.get("$ref") instanceof String ref)
        || !ref.startsWith(PREFIX)
        || !(defs.get(ref.substring(PREFIX.length())) instanceof Map<?, ?> def)) {
      return schema;
    }
    Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) def);
    out.remove("$anchor");
    for (Map.Entry<String, Object> entry : schema.entrySet()) {
      if (!entry.getKey().equals("$ref")) {
        out.put(entry.getKey(), entry.getValue());
      }
    }
    return out;
  }

  /**
   * Returns both sides with a {@code $ref} resolved when only one side has one, so a record that
   * moved to {@code $defs} ({@code @McpSchemaDef}) or back compares by its content. Two references
   * are left as they are: their {@code $defs} are compared on their own.
   */
  static List<Map<String, Object>> resolvePair(
      Map<String, Object> was,
      Map<String, Object> is,
      Map<String, Object> defsWas,
      Map<String, Object> defsIs) {
    if (was.containsKey("$ref") == is.containsKey("$ref")) {
      return List.of(was, is);
    }
    return List.of(resolveOne(was, defsWas), resolveOne(is, defsIs));
  }

  /** Returns the schema with references to {@code defs} inlined; the input is not changed. */
  static Map<String, Object> inline(Map<String, Object> schema, Map<String, Object> defs) {
    Set<String> kept = new HashSet<>();
    Map<String, Object> out = inlineMap(schema, defs, new HashSet<>(), kept);
    out.remove("$defs");
    if (!kept.isEmpty()) {
      Map<String, Object> remaining = new LinkedHashMap<>();
      for (String name : kept) {
        remaining.put(name, defs.get(name));
      }
      out.put("$defs", remaining);
    }
    return out;
  }

  private static Map<String, Object> inlineMap(
      Map<String, Object> schema, Map<String, Object> defs, Set<String> open, Set<String> kept) {
    if (schema.get("$ref") instanceof String ref && ref.startsWith(PREFIX)) {
      String name = ref.substring(PREFIX.length());
      if (defs.get(name) instanceof Map<?, ?> && !open.contains(name)) {
        open.add(name);
        Map<String, Object> inlined = inlineMap(resolveOne(schema, defs), defs, open, kept);
        open.remove(name);
        return inlined;
      }
      kept.add(name);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : schema.entrySet()) {
      out.put(
          entry.getKey(),
          entry.getKey().equals("$defs")
              ? entry.getValue()
              : inlineValue(entry.getValue(), defs, open, kept));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object inlineValue(
      Object value, Map<String, Object> defs, Set<String> open, Set<String> kept) {
    if (value instanceof Map<?, ?> map) {
      return inlineMap((Map<String, Object>) map, defs, open, kept);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(inlineValue(item, defs, open, kept));
      }
      return out;
    }
    return value;
  }
}
