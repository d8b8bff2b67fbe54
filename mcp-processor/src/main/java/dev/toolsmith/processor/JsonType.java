package dev.toolsmith.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A Java type as JSON sees it: the model between javac's {@code TypeMirror}s and the writers. It
 * holds names and {@code TypeName}s, not elements, so schema and code writers are plain functions
 * of it.
 */
sealed interface JsonType {

  /** The Java type, for declarations in generated code. */
  TypeName javaType();

  /** A JSON scalar (or any-JSON) read and written by a runtime constant. */
  record ScalarType(Scalar scalar, TypeName javaType) implements JsonType {}

  /** An enum, as a string with an {@code enum} keyword. */
  record EnumType(ClassName javaType, List<String> constants, List<String> wireNames)
      implements JsonType {
    /** Returns whether some constant has a JSON name other than its Java name. */
    boolean renamed() {
      return !wireNames.equals(constants);
    }

    /** Returns the Java constant whose JSON name this is, or {@code null}. */
    String constantFor(String wireName) {
      int index = wireNames.indexOf(wireName);
      return index < 0 ? null : constants.get(index);
    }
  }

  /** A list, set, collection or array. */
  record ArrayType(JsonType element, Shape shape, TypeName javaType) implements JsonType {
    enum Shape {
      LIST,
      SET,
      OBJECT_ARRAY,
      PRIMITIVE_ARRAY
    }
  }

  /** A {@code Map<String, V>}, as an object with {@code additionalProperties}. */
  record MapType(JsonType value, TypeName javaType) implements JsonType {}

  /**
   * A record, as an object with one property per component; its shape is in a {@link RecordModel}.
   */
  record RecordType(ClassName javaType) implements JsonType {}

  /** An {@code Optional}, {@code OptionalInt}, {@code OptionalLong} or {@code OptionalDouble}. */
  record OptionalType(JsonType element, Kind kind, TypeName javaType) implements JsonType {
    enum Kind {
      OPTIONAL,
      INT,
      LONG,
      DOUBLE
    }
  }

  /** A record's properties, in component order, and its description from the record's Javadoc. */
  /**
   * A record's model.
   *
   * @param def where {@code @McpSchemaDef} puts it under {@code $defs}, or {@code null} to inline
   *     it (unless it is recursive)
   */
  record RecordModel(
      ClassName javaType,
      String description,
      List<Property> properties,
      boolean recursive,
      SchemaDef def) {
    RecordModel withRecursive(boolean isRecursive) {
      return new RecordModel(javaType, description, properties, isRecursive, def);
    }
  }

  /**
   * A record's {@code @McpSchemaDef}.
   *
   * @param name its key under {@code $defs}
   * @param anchor its {@code $anchor}, empty for none
   */
  record SchemaDef(String name, String anchor) {}

  /** The scalars: how each reads, writes and appears in a schema. */
  enum Scalar {
    BOOLEAN("BOOLEAN", "BOOLEAN", "a boolean", "boolean", null),
    BYTE("BYTE", "INTEGER", "an integer", "integer", null),
    SHORT("SHORT", "INTEGER", "an integer", "integer", null),
    INT("INT", "INTEGER", "an integer", "integer", null),
    LONG("LONG", "INTEGER", "an integer", "integer", null),
    FLOAT("FLOAT", "FLOAT", "a number", "number", null),
    DOUBLE("DOUBLE", "DOUBLE", "a number", "number", null),
    CHAR("CHAR", "CHAR", "a string of one character", "string", null),
    STRING("STRING", "STRING", "a string", "string", null),
    BIG_DECIMAL("BIG_DECIMAL", "BIG_DECIMAL", "a number", "number", null),
    BIG_INTEGER("BIG_INTEGER", "BIG_INTEGER", "an integer", "integer", null),
    UUID("UUID_VALUE", "TO_STRING", "a UUID string", "string", "uuid"),
    URI("URI_VALUE", "TO_STRING", "a URI string", "string", "uri"),
    INSTANT("INSTANT", "TO_STRING", "a date-time string", "string", "date-time"),
    LOCAL_DATE("LOCAL_DATE", "TO_STRING", "a date string", "string", "date"),
    LOCAL_DATE_TIME("LOCAL_DATE_TIME", "TO_STRING", "a local date-time string", "string", null),
    OFFSET_DATE_TIME("OFFSET_DATE_TIME", "TO_STRING", "a date-time string", "string", "date-time"),
    DURATION("DURATION", "TO_STRING", "an ISO 8601 duration string", "string", "duration"),
    BYTES("BYTES", "BYTES", "a base64 string", "string", null),
    JSON("JSON", "JSON", "any JSON value", null, null),
    JSON_OBJECT("JSON_OBJECT", "JSON", "an object", "object", null);

    final String reader;
    final String writer;
    final String noun;
    final String schemaType;
    final String format;

    Scalar(String reader, String writer, String noun, String schemaType, String format) {
      this.reader = reader;
      this.writer = writer;
      this.noun = noun;
      this.schemaType = schemaType;
      this.format = format;
    }

    boolean isNumeric() {
      return schemaType != null && (schemaType.equals("integer") || schemaType.equals("number"));
    }

    boolean isString() {
      return this == STRING;
    }
  }
}
