package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.toolsmith.runtime.InvalidArgumentsException;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.List;
import java.util.ServiceLoader;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @McpSchemaDef}, {@code @McpRequireAnyOf} and {@code @McpRequiredIf} beyond the golden: the
 * generated decoder enforces the rules the schema states, targets without these keywords get them
 * in words, and {@code -Atoolsmith.declareSchemaDialect} names the dialect.
 */
class SchemaRulesTest {
  private static ToolPack contacts;

  @BeforeAll
  static void compileAndLoad() {
    Compilation compilation = Fixtures.compile(Fixtures.good("com/acme/Contacts.java"));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader =
        new CompiledClassLoader(
            compilation.generatedFiles(), SchemaRulesTest.class.getClassLoader());
    contacts = ServiceLoader.load(ToolPack.class, loader).iterator().next();
  }

  private static ToolResult call(String arguments) throws Exception {
    return contacts.call("save_contact", ToolCall.of(Schemas.parse(arguments)));
  }

  private static List<String> problems(String arguments) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> call(arguments));
    assertThat(thrown).isInstanceOf(InvalidArgumentsException.class);
    return ((InvalidArgumentsException) thrown).problems();
  }

  @Test
  void aCallThatKeepsTheRules_runs() throws Exception {
    assertThat(call("{\"name\":\"Ada\",\"contactMethod\":\"phone\",\"phone\":\"+1 555\"}"))
        .isEqualTo(ToolResult.text("Ada via PHONE"));
    assertThat(call("{\"email\":\"ada@example.com\",\"address\":{\"city\":\"London\"}}"))
        .isEqualTo(ToolResult.text("someone via any"));
  }

  @Test
  void aCallThatBreaksTheRules_isRefusedNamingEachRule() {
    assertThat(problems("{\"name\":\"Ada\"}"))
        .containsExactly(
            "arguments: needs at least one of phone, email; none was given",
            "arguments: needs email unless contactMethod is phone (then it needs phone)");
    assertThat(problems("{\"contactMethod\":\"phone\",\"email\":\"ada@example.com\"}"))
        .containsExactly("arguments: needs phone when contactMethod is phone");
  }

  @Test
  void aDefinedRecord_isStillDecodedAndCheckedWhereItIsUsed() {
    assertThat(problems("{\"email\":\"a@b.c\",\"billing\":{\"town\":\"x\"}}"))
        .containsExactly("billing.town: unknown property; expected only street, city");
  }

  @Test
  void targetsWithoutTheseKeywords_inlineTheDefinition_andSayTheRulesInWords() throws Exception {
    Compilation compilation =
        Fixtures.compileWith(
            List.of("-Atoolsmith.targets=agentcore-gateway,openai-strict"),
            Fixtures.good("com/acme/Contacts.java"));
    assertThat(compilation).succeededWithoutWarnings();

    JsonNode gateway =
        Schemas.parse(
                Fixtures.generatedResource(
                    compilation, "META-INF/toolsmith/agentcore-gateway/tools.json"))
            .path(0)
            .path("inputSchema");
    assertThat(gateway.has("$defs")).isFalse();
    assertThat(gateway.at("/properties/billing/properties/city/type").asText()).isEqualTo("string");
    assertThat(gateway.at("/properties/billing/description").asText())
        .isEqualTo("where invoices go");
    assertThat(gateway.path("description").asText())
        .contains("Give at least one of: phone, email.")
        .contains("When contactMethod is \"phone\", phone is required; otherwise email is.");
    assertThat(gateway.has("allOf") || gateway.has("if") || gateway.has("then")).isFalse();

    JsonNode strict =
        Schemas.parse(
                Fixtures.generatedResource(
                    compilation, "META-INF/toolsmith/openai-strict/tools.json"))
            .path(0)
            .path("parameters");
    assertThat(strict.at("/$defs/address/type").asText()).isEqualTo("object");
    assertThat(strict.at("/$defs/address").has("$anchor")).isFalse();
  }

  @Test
  void declareSchemaDialect_namesJsonSchema2020_12AtEveryRoot() throws Exception {
    Compilation compilation =
        Fixtures.compileWith(
            List.of("-Atoolsmith.declareSchemaDialect=true"),
            Fixtures.good("com/acme/Contacts.java"));
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode tool =
        Schemas.parse(
                Fixtures.generatedResource(
                    compilation, "META-INF/toolsmith/com.acme.Contacts.json"))
            .path("tools")
            .path(0);
    assertThat(tool.at("/inputSchema/$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(tool.at("/inputSchema/$defs/address/$anchor").asText()).isEqualTo("addressDef");
  }

  private static JavaFileObject contact(String... annotations) {
    String[] lines = new String[annotations.length + 6];
    lines[0] = "package test; import dev.toolsmith.annotations.*; import java.util.*;";
    lines[1] = "/** Tools. */ public class Tools {";
    System.arraycopy(annotations, 0, lines, 2, annotations.length);
    int next = 2 + annotations.length;
    lines[next] = "  /** Saves. @param kind how @param phone a phone @param email an email */";
    lines[next + 1] = "  @McpTool public String save(Optional<String> kind, String phone,";
    lines[next + 2] = "      Optional<String> email) { return \"\"; }";
    lines[next + 3] = "}";
    return Fixtures.source("test.Tools", java.util.Arrays.copyOf(lines, next + 4));
  }

  @Test
  void rulesThatNameNoOptionalArgument_areRefusedWithTheFix() {
    Compilation compilation =
        Fixtures.compile(
            contact(
                "  @McpRequireAnyOf({\"phone\", \"fax\"})",
                "  @McpRequiredIf(param = \"kind\", equals = \"x\", then = \"email\")"));
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[ToolsmithInvalidSchemaRule] @McpRequireAnyOf on @McpTool method 'save' names 'phone',"
                + " which is already required");
    assertThat(compilation)
        .hadErrorContaining(
            "names 'fax', which is not an argument of the tool; its arguments are kind, phone, email");
  }
}
