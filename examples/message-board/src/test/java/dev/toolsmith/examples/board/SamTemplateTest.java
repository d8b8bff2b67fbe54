package dev.toolsmith.examples.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.testing.CfnLint;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The SAM template, checked offline as far as the tools here allow: npm's cfn-lint (its stale SAM
 * spec's findings listed with reasons in {@code cfn-lint-expected.txt}), and the settings the board
 * depends on: a private database, least network reach, SnapStart and the OIDC settings.
 */
class SamTemplateTest {
  private static final Path TEMPLATE = Path.of("template.yaml");

  @Test
  void cfnLint_findsNothingButTheKnownStaleSpecFindings() throws Exception {
    CfnLint.assertOnlyExpectedFindings(TEMPLATE, Path.of("cfn-lint-expected.txt"));
  }

  @Test
  void template_hasWhatTheBoardNeeds() throws Exception {
    String template = Files.readString(TEMPLATE);
    assertThat(template)
        .contains("Handler: dev.toolsmith.examples.board.MessageBoardHandler::handleRequest")
        .contains("CodeUri: target/message-board.jar")
        .contains("Runtime: java21")
        .contains("AutoPublishAlias: live")
        .contains("ApplyOn: PublishedVersions")
        .contains("PubliclyAccessible: false")
        .contains("StorageEncrypted: true")
        .contains("SourceSecurityGroupId: !Ref FunctionSecurityGroup")
        .contains("sslmode=require")
        .contains("MCP_SERVER_URL: !Ref ServerUrl")
        .contains("MCP_OIDC_PROVIDER: !Ref OidcProvider")
        .contains("MCP_OIDC_SCOPES: " + BoardTools.READ + " " + BoardTools.WRITE)
        .contains("AllowedValues: [oidc, google, cognito, auth0]")
        .doesNotContain("PubliclyAccessible: true")
        .doesNotContain("0.0.0.0/0\n          FromPort");
    assertThat(Class.forName("dev.toolsmith.examples.board.MessageBoardHandler"))
        .isAssignableTo(com.amazonaws.services.lambda.runtime.RequestStreamHandler.class);
  }
}
