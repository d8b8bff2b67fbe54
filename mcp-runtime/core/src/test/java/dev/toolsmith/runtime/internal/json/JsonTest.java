package dev.toolsmith.runtime.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parse_roundTripsEveryKindOfValue() throws IOException {
    String json =
        "{\"s\":\"a\\\"b\",\"i\":1,\"l\":9007199254740993,\"b\":123456789012345678901234567890,"
            + "\"d\":0.1000000000000000000001,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[2],{}]}";
    JsonNode node = Json.parse(json);
    assertThat(Json.toString(node)).isEqualTo(json);
    assertThat(node.get("d").decimalValue()).isEqualTo(new BigDecimal("0.1000000000000000000001"));
  }

  @Test
  void parse_rejectsDuplicateKeys_emptyInput_andTrailingContent() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> Json.parse(""))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Json.parse("{} {}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("after the JSON value");
    assertThatThrownBy(() -> Json.parse("{\"a\":")).isInstanceOf(IOException.class);
  }

  @Test
  void utf8Generator_collectsRepliesLargerThanItsBufferWhole() throws IOException {
    String text = "é".repeat(20_000);
    ExactBytes out = new ExactBytes();
    try (JsonGenerator gen = Json.utf8Generator(out)) {
      gen.writeStartObject();
      gen.writeStringField("text", text);
      gen.writeEndObject();
    }
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("{\"text\":\"" + text + "\"}");
    ExactBytes small = new ExactBytes();
    small.write('{');
    small.write('}');
    assertThat(small.toByteArray()).containsExactly('{', '}');
  }

  @Test
  void minify_removesWhitespaceOutsideStringsOnly() {
    assertThat(Json.minify("{\n  \"a b\": [1, 2],\n  \"c\": \"x \\\" y\"\n}\n"))
        .isEqualTo("{\"a b\":[1,2],\"c\":\"x \\\" y\"}");
  }

  @Test
  void preview_cutsLongValues() throws IOException {
    assertThat(Json.preview(Json.parse("\"" + "x".repeat(100) + "\""))).hasSize(60).endsWith("...");
  }
}
