package dev.toolsmith.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

/**
 * Turns the plain Java values a test writes arguments with into JSON: maps with string keys, lists,
 * sets and arrays, strings, numbers, booleans, characters, enums (by name), {@code null}, and
 * {@link JsonNode}s as they are.
 */
public final class JsonValues {
  private JsonValues() {}

  /**
   * Returns the value as JSON.
   *
   * @throws IllegalArgumentException for any other type, naming it
   */
  public static JsonNode toJson(Object value) {
    JsonNodeFactory nodes = Json.nodes();
    if (value == null) {
      return nodes.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = nodes.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        object.set(String.valueOf(entry.getKey()), toJson(entry.getValue()));
      }
      return object;
    }
    if (value instanceof Object[] items) {
      return toJson(Arrays.asList(items));
    }
    if (value instanceof Iterable<?> items) {
      ArrayNode array = nodes.arrayNode();
      for (Object item : items) {
        array.add(toJson(item));
      }
      return array;
    }
    if (value instanceof String || value instanceof Character || value instanceof Enum<?>) {
      return nodes.textNode(value instanceof Enum<?> e ? e.name() : value.toString());
    }
    if (value instanceof Boolean b) {
      return nodes.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return nodes.numberNode(((Number) value).intValue());
    }
    if (value instanceof Long l) {
      return nodes.numberNode(l);
    }
    if (value instanceof BigInteger big) {
      return nodes.numberNode(big);
    }
    if (value instanceof BigDecimal decimal) {
      return nodes.numberNode(decimal);
    }
    if (value instanceof Number number) {
      return nodes.numberNode(new BigDecimal(number.toString()));
    }
    throw new IllegalArgumentException(
        "Cannot write a "
            + value.getClass().getName()
            + " as a JSON argument; use maps, lists, strings, numbers, booleans or a JsonNode.");
  }
}
