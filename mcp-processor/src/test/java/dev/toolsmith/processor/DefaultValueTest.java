package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @McpParam(defaultValue = ...)}: the schema says the default and leaves the property out of
 * {@code required}, and the generated decoder applies it when the argument is omitted.
 */
class DefaultValueTest {
  private static Compilation compilation;
  private static ToolPack pack;

  @BeforeAll
  static void compile() {
    compilation =
        Fixtures.compile(
            Fixtures.source(
                "test.Search",
                "package test;",
                "import dev.toolsmith.annotations.*;",
                "/** Search. */",
                "public class Search {",
                "  /** How results are sorted. */",
                "  public enum Order { RELEVANCE, NEWEST }",
                "  /**",
                "   * A page of results.",
                "   *",
                "   * @param size how many",
                "   * @param offset where to start",
                "   */",
                "  public record Page(@McpParam(defaultValue = \"10\") int size, long offset) {}",
                "  /**",
                "   * Searches.",
                "   *",
                "   * @param query what to find",
                "   * @param limit at most this many",
                "   * @param order how to sort",
                "   * @param exact whether to match exactly",
                "   * @param ratio a weight",
                "   * @param page which page",
                "   */",
                "  @McpTool public String search(",
                "      @McpParam(defaultValue = \"*\") String query,",
                "      @McpParam(defaultValue = \"20\") int limit,",
                "      @McpParam(defaultValue = \"NEWEST\") Order order,",
                "      @McpParam(defaultValue = \"true\") boolean exact,",
                "      @McpParam(defaultValue = \"0.5\") double ratio,",
                "      Page page) {",
                "    return query + \" \" + limit + \" \" + order + \" \" + exact + \" \" + ratio",
                "        + \" \" + page.size() + \" \" + page.offset();",
                "  }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    pack = Fixtures.onlyPack(compilation);
  }

  @Test
  void schema_statesEachDefault_andNoDefaultedPropertyIsRequired() {
    String index = Fixtures.generatedResource(compilation, "META-INF/toolsmith/test.Search.json");
    assertThat(index)
        .contains("\"default\": \"*\"")
        .contains("\"default\": 20")
        .contains("\"default\": \"NEWEST\"")
        .contains("\"default\": true")
        .contains("\"default\": 0.5")
        .contains("\"default\": 10")
        .contains("\"required\": [\"page\"]")
        .contains("\"required\": [\"offset\"]");
  }

  @Test
  void omittedArguments_getTheirDefaults_givenOnesWin() throws Exception {
    assertThat(text(call("{\"page\":{\"offset\":3}}"))).isEqualTo("* 20 NEWEST true 0.5 10 3");
    assertThat(
            text(
                call(
                    "{\"query\":\"cats\",\"limit\":5,\"order\":\"RELEVANCE\",\"exact\":false,"
                        + "\"ratio\":2,\"page\":{\"size\":1,\"offset\":0}}")))
        .isEqualTo("cats 5 RELEVANCE false 2.0 1 0");
    // null counts as omitted, as for any optional property.
    assertThat(text(call("{\"limit\":null,\"page\":{\"offset\":0}}")))
        .isEqualTo("* 20 NEWEST true 0.5 10 0");
  }

  private static ToolResult call(String arguments) throws Exception {
    return pack.call("search", ToolCall.of(Schemas.parse(arguments)));
  }

  private static String text(ToolResult result) {
    return ((dev.toolsmith.runtime.Content.Text) result.content().get(0)).text();
  }
}
