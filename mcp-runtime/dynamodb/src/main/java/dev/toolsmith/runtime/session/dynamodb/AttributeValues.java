package dev.toolsmith.runtime.session.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * JSON values as DynamoDB attribute values and back, one to one: objects are maps ({@code M}),
 * arrays lists ({@code L}), strings {@code S}, numbers {@code N}, booleans {@code BOOL}, null
 * {@code NULL}. The session's values therefore stay readable in the DynamoDB console.
 */
final class AttributeValues {
  private AttributeValues() {}

  static AttributeValue of(JsonNode node) {
    if (node.isObject()) {
      Map<String, AttributeValue> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), of(field.getValue()));
      }
      return AttributeValue.fromM(map);
    } else if (node.isArray()) {
      List<AttributeValue> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(of(element));
      }
      return AttributeValue.fromL(list);
    } else if (node.isTextual()) {
      return AttributeValue.fromS(node.textValue());
    } else if (node.isNumber()) {
      return AttributeValue.fromN(node.numberValue().toString());
    } else if (node.isBoolean()) {
      return AttributeValue.fromBool(node.booleanValue());
    }
    return AttributeValue.fromNul(true);
  }

  static JsonNode toJson(AttributeValue value) {
    JsonNodeFactory nodes = Json.nodes();
    switch (value.type()) {
      case M:
        {
          ObjectNode object = nodes.objectNode();
          for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
            object.set(entry.getKey(), toJson(entry.getValue()));
          }
          return object;
        }
      case L:
        {
          ArrayNode array = nodes.arrayNode();
          for (AttributeValue element : value.l()) {
            array.add(toJson(element));
          }
          return array;
        }
      case S:
        return nodes.textNode(value.s());
      case N:
        return number(value.n());
      case BOOL:
        return nodes.booleanNode(value.bool());
      case NUL:
        return nodes.nullNode();
      default:
        // Sets and binaries are never written by the runtime; show them as text rather than fail a
        // read.
        return nodes.textNode(value.toString());
    }
  }

  private static JsonNode number(String text) {
    JsonNodeFactory nodes = Json.nodes();
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      BigInteger integer = new BigInteger(text);
      return integer.bitLength() < 32
          ? nodes.numberNode(integer.intValue())
          : integer.bitLength() < 64
              ? nodes.numberNode(integer.longValue())
              : nodes.numberNode(integer);
    }
    // Decimals stay decimals, as the runtime's JSON parser reads them: nothing is lost to binary
    // floating point.
    return nodes.numberNode(new BigDecimal(text));
  }
}
