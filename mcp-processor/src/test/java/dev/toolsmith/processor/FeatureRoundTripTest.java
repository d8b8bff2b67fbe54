package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real class of resources, prompts and completions compiled by the processor, its generated pack
 * served by a real {@link McpServer} and driven with JSON-RPC, as a client would.
 */
class FeatureRoundTripTest {
  private static McpServer server;

  @BeforeAll
  static void compileAndServe() {
    Compilation compilation = Fixtures.compile(Fixtures.good("com/acme/Library.java"));
    assertThat(compilation).succeeded();
    ClassLoader loader =
        new CompiledClassLoader(
            compilation.generatedFiles(), FeatureRoundTripTest.class.getClassLoader());
    List<ToolPack> packs = new ArrayList<>();
    ServiceLoader.load(ToolPack.class, loader).forEach(packs::add);
    server =
        McpServer.builder()
            .name("library")
            .tools(packs.toArray(new ToolPack[0]))
            .discoverTools(false)
            .build();
  }

  private static JsonNode rpc(String method, String params) {
    byte[] response =
        server.handleMessage(
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
                    + method
                    + "\",\"params\":"
                    + params
                    + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            null,
            json -> {});
    return Schemas.parse(new String(response, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void resourcesCarryTheirOwnCacheHints_andCallersResourcesArePrivate() {
    String meta =
        "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    JsonNode about = rpc("resources/read", "{\"uri\":\"library://about\"," + meta + "}");
    assertThat(about.at("/result/ttlMs").asLong()).isEqualTo(3_600_000L);
    assertThat(about.at("/result/cacheScope").asText()).isEqualTo("public");
    JsonNode mine = rpc("resources/read", "{\"uri\":\"library://loans/mine\"," + meta + "}");
    assertThat(mine.at("/result/cacheScope").asText()).isEqualTo("private");
    assertThat(mine.at("/result/ttlMs").asLong()).isEqualTo(300_000L);
    JsonNode catalog = rpc("resources/read", "{\"uri\":\"library://catalog\"," + meta + "}");
    assertThat(catalog.at("/result/cacheScope").asText()).isEqualTo("public");
    assertThat(catalog.at("/result/ttlMs").asLong()).isEqualTo(300_000L);
  }

  @Test
  void resourcesAreListedAndRead_staticBinaryAndTemplate() {
    assertThat(rpc("resources/list", "{}").at("/result/resources").size()).isEqualTo(4);
    assertThat(
            rpc("resources/templates/list", "{}")
                .at("/result/resourceTemplates/0/uriTemplate")
                .asText())
        .isEqualTo("library://books/{id}/pages/{page}");
    assertThat(
            rpc("resources/read", "{\"uri\":\"library://catalog\"}")
                .at("/result/contents/0/text")
                .asText())
        .isEqualTo("dune\ndracula\nemma");
    assertThat(
            rpc("resources/read", "{\"uri\":\"library://logo\"}")
                .at("/result/contents/0/blob")
                .asText())
        .isEqualTo("iVBORw==");
    JsonNode page =
        rpc("resources/read", "{\"uri\":\"library://books/emma/pages/7\"}")
            .at("/result/contents/0");
    assertThat(page.path("text").asText()).isEqualTo("# emma, page 7");
    assertThat(page.path("mimeType").asText()).isEqualTo("text/markdown");
    assertThat(rpc("resources/read", "{\"uri\":\"library://about\"}").at("/result/contents").size())
        .isEqualTo(2);
  }

  @Test
  void templateVariables_areConverted_andBadOnesNamed() {
    JsonNode error =
        rpc("resources/read", "{\"uri\":\"library://books/emma/pages/seven\"}").path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).contains("page: expected an integer, got \"seven\"");
    JsonNode missing =
        rpc("resources/read", "{\"uri\":\"library://books/ulysses/pages/1\"}").path("error");
    assertThat(missing.path("code").asInt()).isEqualTo(-32002);
    assertThat(missing.path("message").asText()).isEqualTo("No book 'ulysses'.");
  }

  @Test
  void promptsRender_withOptionalArguments() {
    assertThat(
            rpc("prompts/get", "{\"name\":\"review_book\",\"arguments\":{\"book\":\"dune\"}}")
                .at("/result/messages/0/content/text")
                .asText())
        .isEqualTo("Write a fair review of dune.");
    assertThat(
            rpc(
                    "prompts/get",
                    "{\"name\":\"review_book\",\"arguments\":{\"book\":\"dune\",\"tone\":\"glowing\"}}")
                .at("/result/messages/0/content/text")
                .asText())
        .isEqualTo("Write a glowing review of dune.");
    JsonNode summary =
        rpc("prompts/get", "{\"name\":\"summarize\",\"arguments\":{\"book\":\"emma\"}}")
            .path("result");
    assertThat(summary.at("/messages/0/content/resource/uri").asText())
        .isEqualTo("library://books/emma/pages/1");
    assertThat(rpc("prompts/get", "{\"name\":\"summarize\"}").at("/error/message").asText())
        .contains("needs the argument 'book'");
  }

  @Test
  void completions_forPromptArgumentsAndTemplateVariables() {
    assertThat(
            rpc(
                    "completion/complete",
                    "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"review_book\"},"
                        + "\"argument\":{\"name\":\"book\",\"value\":\"d\"}}")
                .at("/result/completion/values")
                .toString())
        .isEqualTo("[\"dune\",\"dracula\"]");
    assertThat(
            rpc(
                    "completion/complete",
                    "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"library://books/{id}/pages/{page}\"},"
                        + "\"argument\":{\"name\":\"page\",\"value\":\"\"},\"context\":{\"arguments\":{\"id\":\"emma\"}}}")
                .at("/result/completion/values")
                .size())
        .isEqualTo(3);
    assertThat(
            rpc(
                    "completion/complete",
                    "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"summarize\"},"
                        + "\"argument\":{\"name\":\"book\",\"value\":\"d\"}}")
                .at("/result/completion/values")
                .size())
        .isZero();
  }

  @Test
  void capabilities_includeResourcesPromptsAndCompletions() {
    assertThat(
            rpc(
                    "initialize",
                    "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\","
                        + "\"version\":\"1\"}}")
                .at("/result/capabilities")
                .toString())
        .isEqualTo("{\"logging\":{},\"resources\":{},\"prompts\":{},\"completions\":{}}");
  }
}
