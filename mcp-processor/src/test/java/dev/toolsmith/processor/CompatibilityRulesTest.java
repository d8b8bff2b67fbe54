package dev.toolsmith.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compatibility rules one by one, on indexes written as JSON, including the shapes the
 * processor itself does not produce today but a previous version's index may hold (an open {@code
 * additionalProperties}, for one).
 */
class CompatibilityRulesTest {

  @Test
  void tighteningAdditionalProperties_breaksCallers() throws IOException {
    assertThat(
            changes(
                tool("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}", null),
                tool(
                    "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
                        + "\"additionalProperties\":false}",
                    null)))
        .containsExactly(
            "BREAKING Tool 't': its input no longer accepts properties it does not list");
  }

  @Test
  void aParameterNoLongerAccepted_breaksCallers() throws IOException {
    assertThat(
            changes(
                tool(object("\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}"), null),
                tool(object("\"a\":{\"type\":\"string\"}"), null)))
        .containsExactly("BREAKING Tool 't': 'b' is no longer accepted");
  }

  @Test
  void wideningAnInput_isAdditive_narrowingItBreaks() throws IOException {
    assertThat(
            changes(
                tool(
                    object(
                        "\"n\":{\"type\":\"integer\"},\"s\":{\"type\":\"string\",\"enum\":[\"x\"]}"),
                    null),
                tool(object("\"n\":{\"type\":\"number\"},\"s\":{\"type\":\"string\"}"), null)))
        .containsExactly(
            "ADDITIVE Tool 't': 'n' now accepts any number",
            "ADDITIVE Tool 't': 's' now accepts any value of its type");
    assertThat(
            changes(
                tool(object("\"s\":{\"type\":\"string\"}"), null),
                tool(
                    object(
                        "\"s\":{\"type\":\"string\",\"enum\":[\"x\"],\"format\":\"email\","
                            + "\"minLength\":2}"),
                    null)))
        .containsExactly(
            "BREAKING Tool 't': 's' is now limited to [x]",
            "BREAKING Tool 't': 's' now has minLength 2 (it had none)",
            "BREAKING Tool 't': 's' now has format \"email\" (it had none)");
  }

  @Test
  void anOutputMayPromiseMore_neverLess() throws IOException {
    String before =
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"enum\":[\"x\"]},"
            + "\"b\":{\"type\":\"integer\"}},\"required\":[\"a\",\"b\"]}";
    String after =
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"enum\":[\"x\",\"y\"]},"
            + "\"b\":{\"type\":\"integer\"},\"c\":{\"type\":\"string\"}},\"required\":[\"a\"]}";
    assertThat(changes(tool(object(""), before), tool(object(""), after)))
        .containsExactly(
            "BREAKING Tool 't': result 'a' may now be \"y\"",
            "BREAKING Tool 't': result 'b' may now be missing",
            "ADDITIVE Tool 't': result 'c' is new");
    assertThat(changes(tool(object(""), before), tool(object(""), null)))
        .containsExactly("BREAKING Tool 't': no longer has an output schema (structured content)");
  }

  @Test
  void templatesAndPromptArguments() throws IOException {
    String before =
        "{\"tools\":[],\"resourceTemplates\":[{\"uriTemplate\":\"a://{id}\",\"name\":\"a\"}],"
            + "\"prompts\":[{\"name\":\"p\",\"arguments\":[{\"name\":\"x\",\"required\":true},"
            + "{\"name\":\"y\"}]}]}";
    String after =
        "{\"tools\":[],\"prompts\":[{\"name\":\"p\",\"arguments\":[{\"name\":\"x\","
            + "\"required\":true},{\"name\":\"z\"}]}]}";
    assertThat(changes(before, after))
        .containsExactly(
            "BREAKING Resource template 'a://{id}': removed",
            "ADDITIVE Prompt 'p': has a new optional argument 'z'",
            "BREAKING Prompt 'p': argument 'y' was removed");
  }

  @Test
  void aRecordMovedToDefs_isNoChange_butAChangeInsideItIsStillSeen() throws IOException {
    String inline =
        object("\"a\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}");
    String moved =
        "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/a\"}},"
            + "\"additionalProperties\":false,\"$defs\":{\"a\":{\"$anchor\":\"aDef\","
            + "\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"%s\"}}}}}";
    assertThat(changes(tool(inline, null), tool(String.format(moved, "string"), null))).isEmpty();
    assertThat(changes(tool(inline, null), tool(String.format(moved, "integer"), null)))
        .containsExactly("BREAKING Tool 't': 'a.x' was string and is now integer");
  }

  @Test
  void aNewRuleAcrossArguments_breaks_droppingOneIsAdditive() throws IOException {
    String plain = object("\"p\":{\"type\":\"string\"},\"e\":{\"type\":\"string\"}");
    String ruled =
        plain.replace(
            ",\"additionalProperties\"",
            ",\"allOf\":[{\"anyOf\":[{\"required\":[\"p\"]},{\"required\":[\"e\"]}]}],"
                + "\"additionalProperties\"");
    assertThat(changes(tool(plain, null), tool(ruled, null)))
        .containsExactly("BREAKING Tool 't': has a new or changed rule across arguments (allOf)");
    assertThat(changes(tool(ruled, null), tool(plain, null)))
        .containsExactly("ADDITIVE Tool 't': no longer has a rule across arguments (allOf)");
  }

  @Test
  void aToolMovedToAnotherClass_isNoChange() throws IOException {
    String index = tool(object("\"a\":{\"type\":\"string\"}"), null);
    assertThat(
            Compatibility.compare(
                Map.of("com.acme.Old", parse(index)), Map.of("com.acme.New", parse(index))))
        .isEmpty();
  }

  private static String object(String properties) {
    return "{\"type\":\"object\",\"properties\":{"
        + properties
        + "},\"additionalProperties\":false}";
  }

  private static String tool(String input, String output) {
    return "{\"tools\":[{\"name\":\"t\",\"inputSchema\":"
        + input
        + (output == null ? "" : ",\"outputSchema\":" + output)
        + "}]}";
  }

  private static List<String> changes(String before, String after) throws IOException {
    return Compatibility.compare(Map.of("c", parse(before)), Map.of("c", parse(after))).stream()
        .map(c -> (c.breaking() ? "BREAKING " : "ADDITIVE ") + c.label() + ": " + c.what())
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) throws IOException {
    return (Map<String, Object>) JsonReader.read(json);
  }
}
