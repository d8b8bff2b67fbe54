package dev.toolsmith.runtime.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonTextTest {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Test
  void aCommonString_readsAsOneSharedInstance_fromBytesAndFromText() throws IOException {
    assertThat(textOf("\"application/json\"")).isSameAs(textOf("\"application/json\""));
    assertThat(textOf("\"tools/call\"")).isEqualTo("tools/call").isSameAs(textOf("\"tools/call\""));
    try (JsonParser parser = FACTORY.createParser("\"2.0\"")) {
      parser.nextToken();
      assertThat(CommonText.text(parser)).isSameAs(textOf("\"2.0\""));
    }
  }

  @Test
  void escapesAreReadFirst_soAnEscapedCommonStringIsStillMatched() throws IOException {
    assertThat(textOf("\"application\\/json\"")).isSameAs(textOf("\"application/json\""));
  }

  @Test
  void everyCommonString_isShared_whateverItsLength() throws IOException {
    for (String common :
        List.of(
            "2.0",
            "ping",
            "/",
            "/mcp",
            "GET",
            "POST",
            "DELETE",
            "tools/call",
            "tools/list",
            "initialize",
            "2026-07-28",
            "2025-03-26",
            "prompts/get",
            "server/discover",
            "text/event-stream",
            "notifications/initialized",
            "application/json, text/event-stream",
            "text/event-stream, application/json")) {
      assertThat(textOf("\"" + common + "\"")).as(common).isSameAs(textOf("\"" + common + "\""));
    }
    assertThat(textOf("\"" + "x".repeat(200) + "\"")).isEqualTo("x".repeat(200));
  }

  @Test
  void anyOtherString_readsAsItIs() throws IOException {
    assertThat(textOf("\"application/jsoN\"")).isEqualTo("application/jsoN");
    assertThat(textOf("\"2.1\"")).isEqualTo("2.1");
    assertThat(textOf("\"\"")).isEmpty();
    assertThat(textOf("\"tools/call \"")).isEqualTo("tools/call ");
    assertThat(textOf("\"\u00e9t\u00e9\"")).isEqualTo("\u00e9t\u00e9");
  }

  @Test
  void treesShareTheNodesOfCommonStrings_andKeepEveryOtherValue() throws IOException {
    JsonNode first = Json.parse("{\"jsonrpc\":\"2.0\",\"method\":\"tools/list\",\"x\":\"2.0 \"}");
    JsonNode second = Json.parse("{\"jsonrpc\":\"2.0\"}");

    assertThat(first.get("jsonrpc")).isSameAs(second.get("jsonrpc"));
    assertThat(first.get("method").asText()).isEqualTo("tools/list");
    assertThat(first.get("x").asText()).isEqualTo("2.0 ");
  }

  private static String textOf(String json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json.getBytes(StandardCharsets.UTF_8))) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
      return CommonText.text(parser);
    }
  }
}
