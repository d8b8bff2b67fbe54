package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @McpParam(header = ...)} puts {@code x-mcp-header} on the property (SEP-2243), which
 * target exports leave out: none of the targets has the keyword.
 */
class ParamHeaderTest {

  @Test
  void mirroredParameters_carryXMcpHeader_inTheIndex_butNotInTargetExports() {
    Compilation compilation =
        Fixtures.compileWith(
            List.of("-Atoolsmith.targets=agentcore-gateway"),
            Fixtures.source(
                "test.Deploy",
                "package test;",
                "import dev.toolsmith.annotations.*;",
                "/** Deploys. */",
                "public class Deploy {",
                "  /** How. */ public enum Mode { FAST, SAFE }",
                "  /**",
                "   * Deploys a build.",
                "   *",
                "   * @param region where",
                "   * @param replicas how many",
                "   * @param dryRun whether to only pretend",
                "   * @param mode how",
                "   * @param note anything",
                "   */",
                "  @McpTool public String deploy(",
                "      @McpParam(header = \"Region\") String region,",
                "      @McpParam(header = \"Replicas\") int replicas,",
                "      @McpParam(header = \"Dry-Run\") java.util.Optional<Boolean> dryRun,",
                "      @McpParam(header = \"Mode\") Mode mode,",
                "      String note) { return region; }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode properties =
        Schemas.parse(
                Fixtures.generatedResource(compilation, "META-INF/toolsmith/test.Deploy.json"))
            .at("/tools/0/inputSchema/properties");
    assertThat(properties.at("/region/x-mcp-header").asText()).isEqualTo("Region");
    assertThat(properties.at("/replicas/x-mcp-header").asText()).isEqualTo("Replicas");
    assertThat(properties.at("/dryRun/x-mcp-header").asText()).isEqualTo("Dry-Run");
    assertThat(properties.at("/mode/x-mcp-header").asText()).isEqualTo("Mode");
    assertThat(properties.path("note").has("x-mcp-header")).isFalse();
    Schemas.assertToolListValid(
        Fixtures.generatedResource(compilation, "META-INF/toolsmith/test.Deploy.json"));
    assertThat(
            Fixtures.generatedResource(
                compilation, "META-INF/toolsmith/agentcore-gateway/tools.json"))
        .doesNotContain("x-mcp-header");
  }
}
