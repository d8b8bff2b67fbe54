package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.testing.compile.Compilation;
import dev.toolsmith.runtime.InvalidArgumentsException;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @McpEnumValue}: the schema lists the JSON names, the decoder takes them (and only them),
 * results write them, and a default names a constant by them.
 */
class EnumValueTest {
  private static Compilation compilation;
  private static ToolPack pack;

  @BeforeAll
  static void compile() {
    compilation =
        Fixtures.compile(
            Fixtures.source(
                "test.Tasks",
                "package test;",
                "import dev.toolsmith.annotations.*;",
                "/** Tasks. */",
                "public class Tasks {",
                "  /** Where a task is. */",
                "  public enum Status { OPEN, @McpEnumValue(\"in-progress\") IN_PROGRESS, DONE }",
                "  /**",
                "   * A task.",
                "   *",
                "   * @param title what to do",
                "   * @param status where it is",
                "   */",
                "  public record Task(String title, Status status) {}",
                "  /**",
                "   * Moves a task on.",
                "   *",
                "   * @param title the task",
                "   * @param status where it goes",
                "   */",
                "  @McpTool public Task move(",
                "      String title, @McpParam(defaultValue = \"in-progress\") Status status) {",
                "    return new Task(title, status);",
                "  }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    pack = Fixtures.onlyPack(compilation);
  }

  @Test
  void schema_listsTheJsonNames() {
    String index = Fixtures.generatedResource(compilation, "META-INF/toolsmith/test.Tasks.json");
    assertThat(index)
        .contains("\"enum\": [\"OPEN\", \"in-progress\", \"DONE\"]")
        .contains("\"default\": \"in-progress\"")
        .doesNotContain("IN_PROGRESS");
  }

  @Test
  void jsonNamesDecode_andResultsWriteThem() throws Exception {
    assertThat(structured(call("{\"title\":\"a\",\"status\":\"DONE\"}"))).contains("\"DONE\"");
    assertThat(structured(call("{\"title\":\"a\"}"))).contains("\"status\":\"in-progress\"");
    assertThat(structured(call("{\"title\":\"a\",\"status\":\"in-progress\"}")))
        .contains("\"status\":\"in-progress\"");
  }

  @Test
  void theJavaNameOfARenamedConstant_isRefused_listingTheJsonNames() {
    InvalidArgumentsException refused =
        catchThrowableOfType(
            InvalidArgumentsException.class,
            () -> call("{\"title\":\"a\",\"status\":\"IN_PROGRESS\"}"));
    assertThat(refused.problems())
        .containsExactly(
            "status: expected one of \"OPEN\", \"in-progress\", \"DONE\", got \"IN_PROGRESS\"");
  }

  private static ToolResult call(String arguments) throws Exception {
    return pack.call("move", ToolCall.of(Schemas.parse(arguments)));
  }

  private static String structured(ToolResult result) {
    return result.structuredContent();
  }
}
