package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code -Atoolsmith.targets}: what each target profile cannot express is a javac diagnostic on the
 * parameter or component that holds it, and what it can express in fewer keywords is exported in
 * its form, with the rest in the description.
 */
class TargetProfilesTest {
  private static final List<String> ALL =
      List.of("-Atoolsmith.targets=agentcore-gateway,openai-strict,gemini");
  private static Compilation orders;

  @BeforeAll
  static void compileOrders() {
    orders = Fixtures.compileWith(ALL, Fixtures.good("com/acme/shop/Orders.java"));
    assertThat(orders).succeededWithoutWarnings();
  }

  @Test
  void exports_matchTheirGoldens() {
    for (String target : List.of("agentcore-gateway", "openai-strict", "gemini")) {
      String path = "META-INF/toolsmith/" + target + "/tools.json";
      Goldens.assertMatches("targets/" + target + "/tools.json", export(orders, path));
      assertThat(export(orders, "META-INF/toolsmith/" + target + "/com.acme.shop.Orders.json"))
          .isNotEmpty();
    }
  }

  @Test
  void agentCoreExport_hasTheGatewaysToolDefinitionShape_andRestatesWhatItDrops() {
    JsonNode tools =
        Schemas.parse(export(orders, "META-INF/toolsmith/agentcore-gateway/tools.json"));
    JsonNode shape = Schemas.parse(Fixtures.text("targets/agentcore-tool-definitions.schema.json"));
    assertThat(Schemas.errors(shape, tools)).isEmpty();
    JsonNode place = tools.get(0).get("inputSchema").get("properties");
    assertThat(place.at("/speed/description").asText())
        .isEqualTo(
            "how fast it should arrive. One of: \"economy\", \"express\". Default: \"economy\".");
    assertThat(place.at("/lines/description").asText())
        .endsWith("At least 1 item. At most 20 items.");
    assertThat(place.at("/lines/items/properties/quantity/description").asText())
        .isEqualTo("how many. At least 1. At most 99.");
    assertThat(place.at("/callback/description").asText()).endsWith("Format: uri.");
    assertThat(place.at("/tags/description").asText()).endsWith("No duplicates.");
  }

  @Test
  void openAiExport_requiresEveryProperty_andMakesTheOptionalOnesNullable() {
    JsonNode tools = Schemas.parse(export(orders, "META-INF/toolsmith/openai-strict/tools.json"));
    JsonNode place = tools.get(0);
    assertThat(place.path("type").asText()).isEqualTo("function");
    assertThat(place.path("strict").asBoolean()).isTrue();
    JsonNode parameters = place.get("parameters");
    assertStrict(parameters);
    assertThat(parameters.at("/properties/coupon/type").toString())
        .isEqualTo("[\"string\",\"null\"]");
    assertThat(parameters.at("/properties/speed/enum").toString())
        .isEqualTo("[\"economy\",\"express\",null]");
    assertThat(parameters.at("/properties/lines/type").asText()).isEqualTo("array");
    // uri is not one of strict mode's formats; uuid is kept.
    assertThat(parameters.at("/properties/callback/format").isMissingNode()).isTrue();
    assertStrict(tools.get(1).get("parameters"));
    assertKeywords(parameters, TargetProfile.OPENAI_STRICT.keywords);
  }

  @Test
  void geminiExport_isOneFunctionDeclarationsTool_inItsKeywordSubset() {
    JsonNode tool = Schemas.parse(export(orders, "META-INF/toolsmith/gemini/tools.json"));
    JsonNode declarations = tool.get("functionDeclarations");
    assertThat(declarations).hasSize(2);
    assertKeywords(declarations.get(0).get("parameters"), TargetProfile.GEMINI.keywords);
    assertThat(
            declarations
                .get(0)
                .at("/parameters/properties/lines/items/properties/sku/description")
                .asText())
        .endsWith("Matches the regular expression ^(?:^[A-Z]{2}-[0-9]{4}$)$.");
  }

  @Test
  void aRecursiveRecord_isAnErrorWhereTheTargetHasNoReferences_onTheComponent() {
    JavaFileObject file =
        tools(
            "  /** A comment. @param text its text @param replies the answers */",
            "  public record Comment(String text, java.util.List<Comment> replies) {}",
            "  /** Posts. @param comment what */",
            "  @McpTool public String post(Comment comment) { return \"\"; }");
    Compilation agentCore =
        Fixtures.compileWith(List.of("-Atoolsmith.targets=agentcore-gateway"), file);
    assertThat(agentCore).failed();
    assertThat(agentCore)
        .hadErrorContaining(
            "[ToolsmithTargetUnsupported] agentcore-gateway cannot express the recursive record"
                + " Comment (at 'comment.replies[]')")
        .inFile(file)
        .onLineContaining("public record Comment");
    assertThat(Fixtures.compileWith(List.of("-Atoolsmith.targets=gemini"), file)).failed();
    assertThat(Fixtures.compileWith(List.of("-Atoolsmith.targets=openai-strict"), file))
        .succeeded();
  }

  @Test
  void aMap_isAnErrorForEveryTarget_onTheParameter() {
    JavaFileObject file =
        tools(
            "  /** Counts. @param counts by name */",
            "  @McpTool public int total(java.util.Map<String, Integer> counts) { return 0; }");
    for (String target : List.of("agentcore-gateway", "openai-strict", "gemini")) {
      Compilation compilation =
          Fixtures.compileWith(List.of("-Atoolsmith.targets=" + target), file);
      assertThat(compilation).failed();
      assertThat(compilation)
          .hadErrorContaining("[ToolsmithTargetUnsupported] " + target + " cannot express the map")
          .inFile(file)
          .onLineContaining("Map<String, Integer> counts");
    }
  }

  @Test
  void freeJson_isAnError_andAFreeFormObjectOnlyForOpenAi() {
    JavaFileObject anyJson =
        tools(
            "  /** Stores. @param value anything */",
            "  @McpTool public String store(com.fasterxml.jackson.databind.JsonNode value) {"
                + " return \"\"; }");
    assertThat(Fixtures.compileWith(List.of("-Atoolsmith.targets=gemini"), anyJson))
        .hadErrorContaining("gemini cannot express a value of any JSON type");
    JavaFileObject object =
        tools(
            "  /** Stores. @param value an object */",
            "  @McpTool public String store(com.fasterxml.jackson.databind.node.ObjectNode value) {"
                + " return \"\"; }");
    assertThat(
            Fixtures.compileWith(List.of("-Atoolsmith.targets=agentcore-gateway,gemini"), object))
        .succeeded();
    assertThat(Fixtures.compileWith(List.of("-Atoolsmith.targets=openai-strict"), object))
        .hadErrorContaining("openai-strict cannot express a free-form object");
  }

  @Test
  void agentCore_needsADescriptionOnEveryTool() {
    JavaFileObject file =
        Fixtures.source(
            "test.Tools",
            "package test; import dev.toolsmith.annotations.*;",
            "/** Tools. */",
            "public class Tools {",
            "  @SuppressWarnings(\"ToolsmithMissingDescription\")",
            "  @McpTool public String ping() { return \"\"; }",
            "}");
    assertThat(Fixtures.compileWith(List.of("-Atoolsmith.targets=agentcore-gateway"), file))
        .hadErrorContaining("agentcore-gateway cannot express a tool without a description");
  }

  @Test
  void violations_canBeWarnings() {
    JavaFileObject file =
        tools(
            "  /** Counts. @param counts by name */",
            "  @McpTool public int total(java.util.Map<String, Integer> counts) { return 0; }");
    Compilation compilation =
        Fixtures.compileWith(
            List.of("-Atoolsmith.targets=gemini", "-Atoolsmith.targetViolations=warning"), file);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[ToolsmithTargetUnsupported] gemini");
  }

  @Test
  void aCompilationWithoutPacks_writesNoExport() {
    Compilation tests =
        Fixtures.compileWith(
            ALL, Fixtures.source("test.OrdersTest", "package test;", "class OrdersTest {}"));
    assertThat(tests).succeededWithoutWarnings();
    assertThat(
            tests.generatedFiles().stream()
                .map(JavaFileObject::getName)
                .filter(n -> n.endsWith("tools.json")))
        .isEmpty();
  }

  @Test
  void noTargets_noExports() {
    Compilation plain = Fixtures.compile(Fixtures.good("com/acme/shop/Orders.java"));
    assertThat(plain).succeededWithoutWarnings();
    assertThat(
            plain.generatedFiles().stream()
                .map(JavaFileObject::getName)
                .filter(name -> name.contains("agentcore-gateway")))
        .isEmpty();
  }

  private static JavaFileObject tools(String... body) {
    List<String> lines = new ArrayList<>();
    lines.add("package test; import dev.toolsmith.annotations.*;");
    lines.add("/** Tools. */");
    lines.add("public class Tools {");
    lines.addAll(List.of(body));
    lines.add("}");
    return Fixtures.source("test.Tools", lines.toArray(new String[0]));
  }

  private static String export(Compilation compilation, String path) {
    return Fixtures.generatedResource(compilation, path);
  }

  /** Strict mode's rules: every object closed and requiring each of its properties. */
  private static void assertStrict(JsonNode schema) {
    if (schema.isObject() && "object".equals(schema.path("type").asText())) {
      assertThat(schema.path("additionalProperties").asBoolean(true))
          .as(schema.toString())
          .isFalse();
      List<String> names = new ArrayList<>();
      schema.path("properties").fieldNames().forEachRemaining(names::add);
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(name -> required.add(name.asText()));
      assertThat(required).as(schema.toString()).containsExactlyElementsOf(names);
    }
    schema.path("properties").forEach(TargetProfilesTest::assertStrict);
    if (schema.has("items")) {
      assertStrict(schema.get("items"));
    }
  }

  /** Every keyword in the schema, at any depth, is one the target keeps. */
  private static void assertKeywords(JsonNode schema, Set<String> allowed) {
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      assertThat(allowed).as("keyword %s in %s", entry.getKey(), schema).contains(entry.getKey());
      if (entry.getKey().equals("properties") || entry.getKey().equals("$defs")) {
        entry.getValue().forEach(child -> assertKeywords(child, allowed));
      } else if (entry.getKey().equals("items")) {
        assertKeywords(entry.getValue(), allowed);
      }
    }
  }
}
