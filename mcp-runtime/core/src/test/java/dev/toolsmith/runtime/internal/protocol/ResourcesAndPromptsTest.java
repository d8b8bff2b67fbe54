package dev.toolsmith.runtime.internal.protocol;

import static dev.toolsmith.runtime.internal.protocol.ModernEraTest.result;
import static dev.toolsmith.runtime.testing.Mcp.initialize;
import static dev.toolsmith.runtime.testing.Mcp.legacy;
import static dev.toolsmith.runtime.testing.Mcp.modern;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.LibraryPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resources, templates, prompts and completions in both eras. */
class ResourcesAndPromptsTest {
  private final McpServer server =
      McpServer.builder().name("library").tools(new LibraryPack()).discoverTools(false).build();

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void capabilities_advertiseExactlyWhatIsServed(boolean isModern) throws Exception {
    JsonNode result =
        isModern
            ? result(server.handle(modern("server/discover", null, "")))
            : result(server.handle(initialize("2025-11-25")));
    assertThat(result.path("capabilities").toString())
        .isEqualTo(
            (isModern ? "{" : "{\"logging\":{},")
                + "\"resources\":{},\"prompts\":{},\"completions\":{}}");
  }

  @Test
  void resourcesList_andTemplatesList_withCachingOnTheModernWire() throws Exception {
    JsonNode legacyList = result(server.handle(legacy("resources/list", "")));
    assertThat(legacyList.path("resources")).hasSize(2);
    assertThat(legacyList.at("/resources/0/uri").asText()).isEqualTo("library://catalog");
    assertThat(legacyList.has("ttlMs")).isFalse();
    JsonNode modernTemplates = result(server.handle(modern("resources/templates/list", null, "")));
    assertThat(modernTemplates.at("/resourceTemplates/0/uriTemplate").asText())
        .isEqualTo("library://books/{id}/summary");
    assertThat(modernTemplates.path("ttlMs").asLong()).isEqualTo(300_000);
    assertThat(modernTemplates.path("cacheScope").asText()).isEqualTo("public");
    assertThat(modernTemplates.path("resultType").asText()).isEqualTo("complete");
  }

  @Test
  void read_textBlobAndTemplate() throws Exception {
    assertThat(read(false, "library://catalog").at("/contents/0/text").asText())
        .startsWith("dune\n");
    JsonNode cover = read(true, "library://cover");
    assertThat(cover.at("/contents/0/blob").asText()).isEqualTo("iVBORw==");
    assertThat(cover.at("/contents/0/mimeType").asText()).isEqualTo("image/png");
    assertThat(cover.path("ttlMs").isNumber()).isTrue();
    JsonNode summary = read(true, "library://books/don%2Dquixote/summary");
    assertThat(summary.at("/contents/0/uri").asText())
        .isEqualTo("library://books/don%2Dquixote/summary");
    assertThat(summary.at("/contents/0/text").asText()).isEqualTo("{\"id\":\"don-quixote\"}");
  }

  @Test
  void unknownResource_isMinus32002Legacy_andMinus32602WithUriModern() throws Exception {
    JsonNode legacyError =
        error(server.handle(legacy("resources/read", "\"uri\":\"library://nope\"")));
    assertThat(legacyError.path("code").asInt()).isEqualTo(-32002);
    assertThat(legacyError.at("/data/uri").asText()).isEqualTo("library://nope");
    JsonNode modernError =
        error(
            server.handle(
                modern(
                    "resources/read",
                    "library://books/ulysses/summary",
                    "\"uri\":\"library://books/ulysses/summary\"")));
    assertThat(modernError.path("code").asInt()).isEqualTo(-32602);
    assertThat(modernError.at("/data/uri").asText()).isEqualTo("library://books/ulysses/summary");
    assertThat(modernError.path("message").asText())
        .isEqualTo("There is no book 'ulysses' in the library.");
  }

  @Test
  void failingResource_hidesDetailsBehindAnErrorId() throws Exception {
    HttpResponse response =
        server.handle(legacy("resources/read", "\"uri\":\"library://broken/1\""));
    JsonNode error = error(response);
    assertThat(error.path("code").asInt()).isEqualTo(-32603);
    assertThat(error.path("message").asText()).contains("error id");
    assertThat(response.bodyText()).doesNotContain("/var/secret");
  }

  @Test
  void read_withoutUri_isInvalidParams() throws Exception {
    assertThat(error(server.handle(legacy("resources/read", ""))).path("message").asText())
        .contains("resources/read needs \"params.uri\"");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void promptsListAndGet(boolean isModern) throws Exception {
    JsonNode list =
        result(
            server.handle(
                isModern ? modern("prompts/list", null, "") : legacy("prompts/list", "")));
    assertThat(list.at("/prompts/0/name").asText()).isEqualTo("review");
    String params = "\"name\":\"review\",\"arguments\":{\"book\":\"emma\",\"tone\":\"kind\"}";
    JsonNode prompt =
        result(
            server.handle(
                isModern
                    ? modern("prompts/get", "review", params)
                    : legacy("prompts/get", params)));
    assertThat(prompt.path("description").asText()).isEqualTo("A review prompt");
    assertThat(prompt.at("/messages/0/role").asText()).isEqualTo("user");
    assertThat(prompt.at("/messages/0/content/type").asText()).isEqualTo("resource");
    assertThat(prompt.at("/messages/1/content/text").asText())
        .isEqualTo("Write a kind review of emma.");
  }

  @Test
  void prompt_missingRequiredArgument_isMinus32602NamingIt() throws Exception {
    JsonNode error =
        error(
            server.handle(
                legacy("prompts/get", "\"name\":\"review\",\"arguments\":{\"tone\":\"kind\"}")));
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).contains("needs the argument 'book'");
  }

  @Test
  void prompt_unknownOrNonStringArguments_areMinus32602() throws Exception {
    assertThat(
            error(server.handle(legacy("prompts/get", "\"name\":\"nope\"")))
                .path("message")
                .asText())
        .contains("Unknown prompt 'nope'. Known prompts: review.");
    assertThat(
            error(
                    server.handle(
                        legacy("prompts/get", "\"name\":\"review\",\"arguments\":{\"book\":3}")))
                .path("message")
                .asText())
        .contains("must be a string");
  }

  @Test
  void completion_forPromptArgumentsAndTemplateVariables() throws Exception {
    JsonNode prompt =
        result(
            server.handle(
                legacy(
                    "completion/complete",
                    "\"ref\":{\"type\":\"ref/prompt\",\"name\":\"review\"},\"argument\":{\"name\":\"book\",\"value\":\"d\"}")));
    assertThat(prompt.at("/completion/values").toString())
        .isEqualTo("[\"dune\",\"dracula\",\"don-quixote\"]");
    assertThat(prompt.at("/completion/total").asInt()).isEqualTo(3);
    assertThat(prompt.at("/completion/hasMore").asBoolean()).isFalse();
    JsonNode template =
        result(
            server.handle(
                modern(
                    "completion/complete",
                    null,
                    "\"ref\":{\"type\":\"ref/resource\",\"uri\":\"library://books/{id}/summary\"},\"argument\":{\"name\":\"id\",\"value\":\"e\"}")));
    assertThat(template.at("/completion/values").toString()).isEqualTo("[\"emma\"]");
    assertThat(
            error(
                    server.handle(
                        legacy(
                            "completion/complete",
                            "\"ref\":{\"type\":\"ref/prompt\",\"name\":\"nope\"},\"argument\":{\"name\":\"x\",\"value\":\"\"}")))
                .path("message")
                .asText())
        .contains("No prompt named 'nope'");
  }

  @Test
  void serverWithoutTools_doesNotServeToolMethods() throws Exception {
    JsonNode error = error(server.handle(legacy("tools/list", "")));
    assertThat(error.path("code").asInt()).isEqualTo(-32601);
    assertThat(error.path("message").asText())
        .contains("resources/read")
        .contains("completion/complete");
  }

  private JsonNode read(boolean isModern, String uri) throws Exception {
    String params = "\"uri\":\"" + uri + "\"";
    return result(
        server.handle(
            isModern ? modern("resources/read", uri, params) : legacy("resources/read", params)));
  }

  private static JsonNode error(HttpResponse response) throws Exception {
    JsonNode body = Json.parse(response.body());
    assertThat(body.has("error")).as(response.bodyText()).isTrue();
    return body.path("error");
  }
}
