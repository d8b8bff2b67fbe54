package dev.toolsmith.examples.toolbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.testing.NodeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SAM template, checked offline: npm's cfn-lint as a smoke test (with the findings its stale
 * SAM spec is known to produce listed, with reasons, in {@code cfn-lint-expected.txt}), and the
 * settings the tutorial depends on.
 */
class SamTemplateTest {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
  private static final Path TEMPLATE = Path.of("template.yaml");

  @Test
  void cfnLint_findsNothingButTheKnownStaleSpecFindings() throws Exception {
    NodeTools node = NodeTools.installed();
    NodeTools.Result run = NodeTools.run(node.command("cfn-lint", "validate", TEMPLATE.toAbsolutePath().toString()),
        Duration.ofMinutes(2));
    String output = ANSI.matcher(run.stdout() + run.stderr()).replaceAll("");
    assertThat(output).as(output).doesNotContain("Unable to parse template");
    List<String> findings = new ArrayList<>();
    Matcher finding = Pattern.compile("Resource: (.+)\\nMessage: (.+)\\n").matcher(output);
    while (finding.find()) {
      findings.add(finding.group(1).trim() + " | " + finding.group(2).trim());
    }
    List<String> expected = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("cfn-lint-expected.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] parts = line.split(" \\| ");
        assertThat(parts).as("location | message | reason: " + line).hasSize(3);
        expected.add(parts[0] + " | " + parts[1]);
      }
    }
    assertThat(findings).as(output).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void template_hasWhatTheTutorialNeeds() throws Exception {
    String template = Files.readString(TEMPLATE);
    assertThat(template)
        .contains("Runtime: java21")
        .contains("Handler: dev.toolsmith.examples.toolbox.ToolboxHandler::handleRequest")
        .contains("CodeUri: target/toolbox.jar")
        .contains("AutoPublishAlias: live")
        .contains("ApplyOn: PublishedVersions")
        .contains("AttributeName: expires_at\n        Enabled: true")
        .contains("NoEcho: true")
        .contains("MCP_SESSION_TABLE: !Ref McpSessionsTable")
        .contains("MCP_AUTH_TOKEN: !Ref McpAuthToken")
        .contains("Action: s3:ListAllMyBuckets")
        .contains("Resource: !GetAtt McpSessionsTable.Arn")
        .contains("Path: /mcp")
        .contains("Method: ANY")
        .contains("McpUrl:")
        .doesNotContain("DynamoDBCrudPolicy")
        .doesNotContain("dynamodb:*");
    assertThat(Class.forName("dev.toolsmith.examples.toolbox.ToolboxHandler"))
        .isAssignableTo(com.amazonaws.services.lambda.runtime.RequestStreamHandler.class);
  }
}
