package dev.toolsmith.processor;

import dev.toolsmith.annotations.McpSchemaDef;
import dev.toolsmith.processor.JsonType.ArrayType;
import dev.toolsmith.processor.JsonType.MapType;
import dev.toolsmith.processor.JsonType.OptionalType;
import dev.toolsmith.processor.JsonType.RecordModel;
import dev.toolsmith.processor.JsonType.RecordType;
import dev.toolsmith.processor.JsonType.SchemaDef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reads {@link McpSchemaDef} on records and checks that the names a tool's schema would hold under
 * {@code $defs} are distinct.
 */
final class SchemaDefs {
  /** A {@code $defs} key that needs no escaping in a JSON Pointer or a URI fragment. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  /** JSON Schema 2020-12's {@code $anchor}: a plain name fragment. */
  private static final Pattern ANCHOR = Pattern.compile("[A-Za-z_][-A-Za-z0-9._]*");

  private SchemaDefs() {}

  /** Returns the record's definition, or null when it has none or it is invalid (reported). */
  static SchemaDef read(TypeElement record, Report report) {
    McpSchemaDef def = record.getAnnotation(McpSchemaDef.class);
    if (def == null) {
      return null;
    }
    String name = record.getQualifiedName().toString();
    if (!NAME.matcher(def.name()).matches()) {
      report.add(
          Message.INVALID_SCHEMA_DEF,
          record,
          name,
          "has name \""
              + def.name()
              + "\"; use letters, digits, '_', '.' and '-' only, such as \"address\"");
      return null;
    }
    if (!def.anchor().isEmpty() && !ANCHOR.matcher(def.anchor()).matches()) {
      report.add(
          Message.INVALID_SCHEMA_DEF,
          record,
          name,
          "has anchor \""
              + def.anchor()
              + "\"; an $anchor starts with a letter or '_' and continues with letters, digits, "
              + "'-', '_' and '.', such as \"addressDef\"");
      return null;
    }
    return new SchemaDef(def.name(), def.anchor());
  }

  /**
   * Reports two records reached from a tool's arguments or result that would share a {@code $defs}
   * name.
   */
  static void checkDistinct(
      java.util.List<ToolModel.Parameter> parameters,
      ToolModel.Result result,
      TypeMapper types,
      Element method,
      Report report) {
    java.util.List<JsonType> reached = new java.util.ArrayList<>();
    for (ToolModel.Parameter parameter : parameters) {
      if (parameter instanceof ToolModel.JsonParameter json) {
        reached.add(json.property().type());
      }
    }
    checkDistinct(reached, types::record, types::recordElement, method, report);
    if (result != null && result.hasOutputSchema()) {
      checkDistinct(
          java.util.List.of(result.type()), types::record, types::recordElement, method, report);
    }
  }

  private static void checkDistinct(
      Iterable<JsonType> types,
      Function<com.palantir.javapoet.ClassName, RecordModel> records,
      Function<com.palantir.javapoet.ClassName, TypeElement> elements,
      Element method,
      Report report) {
    Map<String, com.palantir.javapoet.ClassName> owners = new HashMap<>();
    Set<com.palantir.javapoet.ClassName> seen = new HashSet<>();
    for (JsonType type : types) {
      walk(type, records, elements, owners, seen, method, report);
    }
  }

  private static void walk(
      JsonType type,
      Function<com.palantir.javapoet.ClassName, RecordModel> records,
      Function<com.palantir.javapoet.ClassName, TypeElement> elements,
      Map<String, com.palantir.javapoet.ClassName> owners,
      Set<com.palantir.javapoet.ClassName> seen,
      Element method,
      Report report) {
    if (type instanceof OptionalType optional) {
      walk(optional.element(), records, elements, owners, seen, method, report);
    } else if (type instanceof ArrayType array) {
      walk(array.element(), records, elements, owners, seen, method, report);
    } else if (type instanceof MapType map) {
      walk(map.value(), records, elements, owners, seen, method, report);
    } else if (type instanceof RecordType recordType && seen.add(recordType.javaType())) {
      RecordModel record = records.apply(recordType.javaType());
      if (record.def() != null) {
        com.palantir.javapoet.ClassName other =
            owners.putIfAbsent(record.def().name(), record.javaType());
        if (other != null) {
          TypeElement element = elements.apply(record.javaType());
          report.add(
              Message.INVALID_SCHEMA_DEF,
              element != null ? element : method,
              record.javaType().canonicalName(),
              "has name \""
                  + record.def().name()
                  + "\", which record '"
                  + other.canonicalName()
                  + "' in the same tool's schema has too; give each its own name");
        }
      }
      for (Property property : record.properties()) {
        walk(property.type(), records, elements, owners, seen, method, report);
      }
    }
  }
}
