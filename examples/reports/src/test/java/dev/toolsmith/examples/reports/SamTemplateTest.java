package dev.toolsmith.examples.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.testing.CfnLint;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The SAM template, checked offline: npm's cfn-lint as a smoke test (known stale-spec findings in
 * {@code cfn-lint-expected.txt}), and the grants tasks need, no more.
 */
class SamTemplateTest {
  private static final Path TEMPLATE = Path.of("template.yaml");

  @Test
  void cfnLint_findsNothingButTheKnownStaleSpecFindings() throws Exception {
    CfnLint.assertOnlyExpectedFindings(TEMPLATE, Path.of("cfn-lint-expected.txt"));
  }

  @Test
  void template_grantsExactlyWhatTasksNeed() throws Exception {
    String template = Files.readString(TEMPLATE);
    assertThat(template)
        .contains("Handler: dev.toolsmith.examples.reports.ReportsHandler::handleRequest")
        .contains("CodeUri: target/reports.jar")
        .contains("AttributeName: task_id")
        .contains("AttributeName: expires_at\n        Enabled: true")
        .contains("MCP_TASK_TABLE: !Ref McpTasksTable")
        .contains(
            "- dynamodb:GetItem\n                - dynamodb:PutItem\n              Resource:"
                + " !GetAtt McpTasksTable.Arn")
        .contains("Action: lambda:InvokeFunction")
        .contains("function:${AWS::StackName}-reports\"")
        .contains("function:${AWS::StackName}-reports:*\"")
        .contains("FunctionName: !Sub \"${AWS::StackName}-reports\"")
        .contains("Timeout: 900")
        .doesNotContain("dynamodb:UpdateItem")
        .doesNotContain("dynamodb:DeleteItem")
        .doesNotContain("dynamodb:*")
        .doesNotContain("lambda:*");
  }
}
