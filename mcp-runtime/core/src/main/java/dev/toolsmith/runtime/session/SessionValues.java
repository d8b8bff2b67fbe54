package dev.toolsmith.runtime.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts session values between Java and JSON. Reads are typed by an example value (the default
 * or initial value a tool passes), so no reflection is needed to know what the caller wants.
 */
final class SessionValues {
  static final String SUPPORTED =
      "String, Boolean, Integer, Long, Double, BigDecimal, BigInteger, null, "
          + "Map<String, ?> and List of those, or a JsonNode";

  private SessionValues() {}

  /**
   * Returns a value as JSON.
   *
   * @throws IllegalArgumentException when it is not JSON-compatible
   */
  static JsonNode toJson(String key, Object value) {
    JsonNodeFactory nodes = Json.nodes();
    if (value == null) {
      return nodes.nullNode();
    } else if (value instanceof JsonNode node) {
      return node.deepCopy();
    } else if (value instanceof String text) {
      return nodes.textNode(text);
    } else if (value instanceof Boolean flag) {
      return nodes.booleanNode(flag);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return nodes.numberNode(((Number) value).intValue());
    } else if (value instanceof Long number) {
      return nodes.numberNode(number);
    } else if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new IllegalArgumentException(
            "Session value '" + key + "' is " + number + ", which JSON cannot hold.");
      }
      return nodes.numberNode(number);
    } else if (value instanceof BigDecimal number) {
      return nodes.numberNode(number);
    } else if (value instanceof BigInteger number) {
      return nodes.numberNode(number);
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode object = nodes.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String name)) {
          throw new IllegalArgumentException(
              "Session value '"
                  + key
                  + "' is a map with a "
                  + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName())
                  + " key; JSON objects have String keys.");
        }
        object.set(name, toJson(key + "." + name, entry.getValue()));
      }
      return object;
    } else if (value instanceof Collection<?> collection) {
      ArrayNode array = nodes.arrayNode();
      int index = 0;
      for (Object element : collection) {
        array.add(toJson(key + "[" + index++ + "]", element));
      }
      return array;
    }
    throw new IllegalArgumentException(
        "Session value '"
            + key
            + "' is a "
            + value.getClass().getName()
            + ", which is not JSON-compatible. Store one of: "
            + SUPPORTED
            + ".");
  }

  /**
   * Returns a stored value as the type of {@code example}.
   *
   * @throws IllegalStateException when the stored value is not of that type
   */
  @SuppressWarnings("unchecked")
  static <T> T fromJson(String key, JsonNode node, T example) {
    if (example == null || example instanceof JsonNode) {
      return node.isNull() && example == null ? null : (T) node.deepCopy();
    }
    if (node.isNull()) {
      return null;
    }
    Object value;
    if (example instanceof String) {
      value = node.isTextual() ? node.textValue() : null;
    } else if (example instanceof Boolean) {
      value = node.isBoolean() ? node.booleanValue() : null;
    } else if (example instanceof Integer) {
      value = node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
    } else if (example instanceof Long) {
      value = node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
    } else if (example instanceof Double) {
      value = node.isNumber() ? node.doubleValue() : null;
    } else if (example instanceof BigDecimal) {
      value = node.isNumber() ? node.decimalValue() : null;
    } else if (example instanceof BigInteger) {
      value = node.isIntegralNumber() ? node.bigIntegerValue() : null;
    } else if (example instanceof Map) {
      value = node.isObject() ? natural(node) : null;
    } else if (example instanceof List || example instanceof Collection) {
      value = node.isArray() ? natural(node) : null;
    } else {
      throw new IllegalArgumentException(
          "Cannot read session value '"
              + key
              + "' as a "
              + example.getClass().getName()
              + ". Read one of: "
              + SUPPORTED
              + ".");
    }
    if (value == null) {
      throw new IllegalStateException(
          "Session value '"
              + key
              + "' is "
              + Json.preview(node)
              + ", which is not a "
              + example.getClass().getSimpleName()
              + ".");
    }
    return (T) value;
  }

  /** Returns JSON as plain Java values: maps, lists, strings, booleans, numbers and nulls. */
  static Object natural(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), natural(field.getValue()));
      }
      return map;
    } else if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(natural(element));
      }
      return list;
    } else if (node.isTextual()) {
      return node.textValue();
    } else if (node.isBoolean()) {
      return node.booleanValue();
    } else if (node.isIntegralNumber()) {
      return node.canConvertToInt()
          ? (Object) node.intValue()
          : node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    } else if (node.isNumber()) {
      return node.doubleValue();
    }
    return null;
  }
}
