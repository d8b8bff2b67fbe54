package dev.toolsmith.examples.toolbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.testing.CfnLint;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The SAM template, checked offline: npm's cfn-lint as a smoke test (with the findings its stale
 * SAM spec is known to produce listed, with reasons, in {@code cfn-lint-expected.txt}), and the
 * settings the tutorial depends on.
 */
class SamTemplateTest {
  private static final Path TEMPLATE = Path.of("template.yaml");

  @Test
  void cfnLint_findsNothingButTheKnownStaleSpecFindings() throws Exception {
    CfnLint.assertOnlyExpectedFindings(TEMPLATE, Path.of("cfn-lint-expected.txt"));
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
        .contains("MCP_AUTH_TOKENS: !Ref McpAuthTokens")
        .contains("MCP_SESSION_KEY: !Sub \"{{resolve:secretsmanager:${McpSessionKey}}}\"")
        .contains("Type: AWS::SecretsManager::Secret")
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
