package dev.toolsmith.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Map;

/**
 * One JSON property: a tool parameter or a record component.
 *
 * @param jsonName the property name in JSON
 * @param javaName the Java parameter or component name
 * @param type the value's JSON type
 * @param required whether the schema lists it in {@code required}
 * @param description from Javadoc or {@code @McpParam}, empty when none
 * @param constraints Bean Validation constraints, in source order
 * @param fallback what an omitted argument becomes ({@code @McpParam(defaultValue)}), or {@code
 *     null}
 * @param header the {@code x-mcp-header} name the argument is mirrored into, or empty
 */
record Property(
    String jsonName,
    String javaName,
    JsonType type,
    boolean required,
    String description,
    List<Constraint> constraints,
    Default fallback,
    String header) {

  /**
   * A default value.
   *
   * @param json the schema's {@code default}, as {@link JsonText} prints it
   * @param java the Java expression of the same value, for the generated decoder
   */
  record Default(Object json, CodeBlock java) {}

  /**
   * A constraint: its schema keywords, the runtime check that enforces it and the words that say
   * what it allows.
   *
   * @param keywords schema keywords, such as {@code minimum: 1}
   * @param check an expression of type {@code Check<...>}, such as {@code Checks.min(1L)}
   * @param words a phrase for messages, such as "from 1" or "matching ^[a-z]+$"
   * @param bound which side of a numeric range it bounds, for merging "from 1 to 14"
   */
  record Constraint(
      Map<String, Object> keywords, CodeBlock check, String words, Bound bound, String boundText) {
    enum Bound {
      NONE,
      LOWER,
      UPPER
    }
  }
}
