package dev.toolsmith.examples.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;

/** The elicitation forms the multi-round-trip fixtures ask for. */
final class Forms {
  private Forms() {}

  /** Returns a form with one required field of a JSON type. */
  static ObjectNode oneField(String field, String type) {
    ObjectNode schema = Json.object().put("type", "object");
    schema.putObject("properties").putObject(field).put("type", type);
    schema.putArray("required").add(field);
    return schema;
  }
}
