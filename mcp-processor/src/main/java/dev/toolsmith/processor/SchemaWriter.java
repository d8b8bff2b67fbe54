package dev.toolsmith.processor;

import com.palantir.javapoet.ClassName;
import dev.toolsmith.processor.JsonType.ArrayType;
import dev.toolsmith.processor.JsonType.EnumType;
import dev.toolsmith.processor.JsonType.MapType;
import dev.toolsmith.processor.JsonType.OptionalType;
import dev.toolsmith.processor.JsonType.RecordModel;
import dev.toolsmith.processor.JsonType.RecordType;
import dev.toolsmith.processor.JsonType.Scalar;
import dev.toolsmith.processor.JsonType.ScalarType;
import dev.toolsmith.processor.ToolModel.JsonParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes JSON Schema 2020-12 for tools as ordered maps that {@link JsonText} prints.
 *
 * <p>Records are inlined where they are used, which the widest range of clients (and AgentCore
 * Gateway's strict tool schemas) understand; records that contain themselves, and those marked
 * {@code @McpSchemaDef}, go to {@code $defs} and are referenced with {@code $ref}. A tool's rules
 * across arguments become {@code allOf}/{@code anyOf} and {@code if}/{@code then}/{@code else}.
 */
final class SchemaWriter {
  /** The processor option that writes {@code $schema} at the root of every tool schema. */
  static final String DIALECT_OPTION = "toolsmith.declareSchemaDialect";

  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private final Function<ClassName, RecordModel> records;
  private final ClassName toolClass;
  private final boolean declareDialect;

  SchemaWriter(
      Function<ClassName, RecordModel> records, ClassName toolClass, boolean declareDialect) {
    this.records = records;
    this.toolClass = toolClass;
    this.declareDialect = declareDialect;
  }

  /** Returns the tool's {@code tools/list} entry. */
  Map<String, Object> descriptor(ToolModel tool) {
    Map<String, Object> descriptor = new LinkedHashMap<>();
    descriptor.put("name", tool.name());
    if (!tool.title().isEmpty()) {
      descriptor.put("title", tool.title());
    }
    if (!tool.description().isEmpty()) {
      descriptor.put("description", tool.description());
    }
    descriptor.put("inputSchema", inputSchema(tool));
    if (tool.result().hasOutputSchema()) {
      descriptor.put("outputSchema", outputSchema(tool.result()));
    }
    if (!tool.hints().isEmpty()) {
      descriptor.put("annotations", new LinkedHashMap<>(tool.hints()));
    }
    return descriptor;
  }

  private Map<String, Object> inputSchema(ToolModel tool) {
    List<Property> properties = new ArrayList<>();
    for (ToolModel.Parameter parameter : tool.parameters()) {
      if (parameter instanceof JsonParameter json) {
        properties.add(json.property());
      }
    }
    Map<String, Object> defs = new LinkedHashMap<>();
    Map<String, Object> schema = objectSchema(properties, defs);
    if (tool.usesSession()) {
      addSessionHandle(schema);
    }
    addRules(schema, tool.rules());
    return withDefs(schema, defs);
  }

  /**
   * Adds the tool's rules before {@code additionalProperties}: an {@code allOf} holding the {@code
   * anyOf} of one {@code required} per name (so more groups could join it), and {@code if}/{@code
   * then}/{@code else} for the conditional.
   */
  private static void addRules(Map<String, Object> schema, SchemaRules rules) {
    if (rules.isEmpty()) {
      return;
    }
    Object additional = schema.remove("additionalProperties");
    if (!rules.anyOf().isEmpty()) {
      List<Object> alternatives = new ArrayList<>();
      for (String name : rules.anyOf()) {
        alternatives.add(Map.of("required", List.of(name)));
      }
      schema.put("allOf", List.of(Map.of("anyOf", alternatives)));
    }
    SchemaRules.RequiredIf rule = rules.requiredIf();
    if (rule != null) {
      Map<String, Object> condition = new LinkedHashMap<>();
      condition.put("properties", Map.of(rule.param(), Map.of("const", rule.constant())));
      condition.put("required", List.of(rule.param()));
      schema.put("if", condition);
      schema.put("then", Map.of("required", List.of(rule.then())));
      if (!rule.otherwise().isEmpty()) {
        schema.put("else", Map.of("required", List.of(rule.otherwise())));
      }
    }
    schema.put("additionalProperties", additional);
  }

  /**
   * Adds the optional {@code session_handle} string, last, keeping {@code additionalProperties}
   * after it.
   */
  @SuppressWarnings("unchecked")
  private static void addSessionHandle(Map<String, Object> schema) {
    Map<String, Object> handle = new LinkedHashMap<>();
    handle.put("type", "string");
    handle.put("description", RuntimeNames.SESSION_HANDLE_DESCRIPTION);
    Object additional = schema.remove("additionalProperties");
    Object required = schema.remove("required");
    Map<String, Object> properties =
        (Map<String, Object>) schema.computeIfAbsent("properties", key -> new LinkedHashMap<>());
    properties.put(RuntimeNames.SESSION_HANDLE, handle);
    if (required != null) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", additional);
  }

  private Map<String, Object> outputSchema(ToolModel.Result result) {
    Map<String, Object> defs = new LinkedHashMap<>();
    Map<String, Object> schema;
    if (result.kind() == ToolModel.Result.Kind.WRAPPED) {
      schema = new LinkedHashMap<>();
      schema.put("type", "object");
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put(RuntimeNames.WRAPPED_PROPERTY, schema(result.type(), defs));
      schema.put("properties", properties);
      schema.put("required", List.of(RuntimeNames.WRAPPED_PROPERTY));
      schema.put("additionalProperties", false);
    } else {
      Map<String, Object> base = schema(result.type(), defs);
      // MCP wants "type": "object" at the root; a recursive record's root is only a $ref otherwise.
      schema = new LinkedHashMap<>();
      schema.put("type", "object");
      schema.putAll(base);
    }
    return withDefs(schema, defs);
  }

  private Map<String, Object> withDefs(Map<String, Object> schema, Map<String, Object> defs) {
    if (!defs.isEmpty()) {
      schema.put("$defs", defs);
    }
    if (!declareDialect) {
      return schema;
    }
    Map<String, Object> declared = new LinkedHashMap<>();
    declared.put("$schema", DIALECT);
    declared.putAll(schema);
    return declared;
  }

  private Map<String, Object> objectSchema(List<Property> properties, Map<String, Object> defs) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    Map<String, Object> byName = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Property property : properties) {
      byName.put(property.jsonName(), propertySchema(property, defs));
      if (property.required()) {
        required.add(property.jsonName());
      }
    }
    if (!byName.isEmpty()) {
      schema.put("properties", byName);
    }
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  /**
   * Returns a property's schema: its type's, with the description right after the type, then its
   * constraints.
   */
  private Map<String, Object> propertySchema(Property property, Map<String, Object> defs) {
    Map<String, Object> schema = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : schema(property.type(), defs).entrySet()) {
      schema.put(entry.getKey(), entry.getValue());
      if (schema.size() == 1 && !property.description().isEmpty()) {
        schema.put("description", property.description());
      }
    }
    if (!property.description().isEmpty()) {
      schema.put("description", property.description());
    }
    if (!property.header().isEmpty()) {
      schema.put("x-mcp-header", property.header());
    }
    if (property.fallback() != null) {
      schema.put("default", property.fallback().json());
    }
    for (Property.Constraint constraint : property.constraints()) {
      schema.putAll(constraint.keywords());
    }
    return schema;
  }

  /** Returns the schema of a type; recursive records are added to {@code defs} and referenced. */
  Map<String, Object> schema(JsonType type, Map<String, Object> defs) {
    Map<String, Object> schema = new LinkedHashMap<>();
    if (type instanceof ScalarType scalar) {
      scalarSchema(scalar.scalar(), schema);
    } else if (type instanceof EnumType enumType) {
      schema.put("type", "string");
      schema.put("enum", new ArrayList<Object>(enumType.wireNames()));
    } else if (type instanceof ArrayType array) {
      schema.put("type", "array");
      schema.put("items", schema(array.element(), defs));
      if (array.shape() == ArrayType.Shape.SET) {
        schema.put("uniqueItems", true);
      }
    } else if (type instanceof MapType map) {
      schema.put("type", "object");
      schema.put("additionalProperties", schema(map.value(), defs));
    } else if (type instanceof OptionalType optional) {
      return schema(optional.element(), defs);
    } else if (type instanceof RecordType recordType) {
      RecordModel record = records.apply(recordType.javaType());
      if (!record.recursive() && record.def() == null) {
        return recordSchema(record, defs);
      }
      String name =
          record.def() != null
              ? record.def().name()
              : Naming.methodSuffix(recordType.javaType(), toolClass);
      if (!defs.containsKey(name)) {
        defs.put(name, Map.of());
        Map<String, Object> def = new LinkedHashMap<>();
        if (record.def() != null && !record.def().anchor().isEmpty()) {
          def.put("$anchor", record.def().anchor());
        }
        def.putAll(recordSchema(record, defs));
        defs.put(name, def);
      }
      schema.put("$ref", "#/$defs/" + name);
    }
    return schema;
  }

  private Map<String, Object> recordSchema(RecordModel record, Map<String, Object> defs) {
    Map<String, Object> schema = objectSchema(record.properties(), defs);
    if (!record.description().isEmpty()) {
      Map<String, Object> described = new LinkedHashMap<>();
      described.put("type", schema.remove("type"));
      described.put("description", record.description());
      described.putAll(schema);
      return described;
    }
    return schema;
  }

  private static void scalarSchema(Scalar scalar, Map<String, Object> schema) {
    if (scalar.schemaType != null) {
      schema.put("type", scalar.schemaType);
    }
    if (scalar.format != null) {
      schema.put("format", scalar.format);
    }
    switch (scalar) {
      case BYTE -> range(schema, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SHORT -> range(schema, Short.MIN_VALUE, Short.MAX_VALUE);
      case CHAR -> {
        schema.put("minLength", new JsonText.Number("1"));
        schema.put("maxLength", new JsonText.Number("1"));
      }
      case BYTES -> schema.put("contentEncoding", "base64");
      case LOCAL_DATE_TIME ->
          schema.put("pattern", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$");
      default -> {}
    }
  }

  private static void range(Map<String, Object> schema, long min, long max) {
    schema.put("minimum", new JsonText.Number(Long.toString(min)));
    schema.put("maximum", new JsonText.Number(Long.toString(max)));
  }
}
