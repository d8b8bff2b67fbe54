package dev.toolsmith.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Validates generated schemas against the JSON Schema 2020-12 meta-schema, and values against them.
 */
final class Schemas {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema META =
      REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

  private Schemas() {}

  /**
   * Checks every input and output schema of a {@code META-INF/toolsmith} index, and that it lists
   * something.
   */
  static void assertToolListValid(String toolListJson) {
    JsonNode index = parse(toolListJson);
    JsonNode tools = index.get("tools");
    assertThat(tools.isArray()).isTrue();
    assertThat(
            tools.size()
                + index.path("resources").size()
                + index.path("resourceTemplates").size()
                + index.path("prompts").size())
        .isPositive();
    for (JsonNode tool : tools) {
      assertThat(tool.get("name").textValue()).matches("^[A-Za-z0-9_.-]{1,64}$");
      assertMetaValid(tool.get("name").textValue() + " inputSchema", tool.get("inputSchema"));
      assertThat(tool.get("inputSchema").get("type").textValue()).isEqualTo("object");
      if (tool.has("outputSchema")) {
        assertMetaValid(tool.get("name").textValue() + " outputSchema", tool.get("outputSchema"));
        assertThat(tool.get("outputSchema").get("type").textValue()).isEqualTo("object");
      }
    }
  }

  static void assertMetaValid(String what, JsonNode schema) {
    List<com.networknt.schema.Error> errors =
        META.validate(Json.toString(schema), InputFormat.JSON);
    assertThat(errors).as("%s is a valid JSON Schema 2020-12: %s", what, schema).isEmpty();
  }

  /** Returns the validation errors of a value against a schema, as text. */
  static List<String> errors(JsonNode schema, JsonNode value) {
    Schema compiled = REGISTRY.getSchema(Json.toString(schema), InputFormat.JSON);
    return compiled.validate(Json.toString(value), InputFormat.JSON).stream()
        .map(Object::toString)
        .toList();
  }

  static JsonNode parse(String json) {
    try {
      return Json.parse(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
