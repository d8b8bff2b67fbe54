package dev.toolsmith.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline check of a CloudFormation / SAM template: npm's cfn-lint, whose bundled SAM spec is
 * older than some features the examples use. Those findings are listed, each with the reason it is
 * expected, in a file beside the template; any other finding fails, and so does a listed one that
 * stops appearing (the list must not outlive its reasons).
 */
public final class CfnLint {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
  private static final Pattern FINDING = Pattern.compile("Resource: (.+)\\nMessage: (.+)\\n");

  private CfnLint() {}

  /**
   * Lints the template and checks its findings are exactly the expected ones.
   *
   * @param expected lines of {@code location | message | why it is expected}; {@code #} starts a
   *     comment
   */
  public static void assertOnlyExpectedFindings(Path template, Path expected) throws Exception {
    NodeTools node = NodeTools.installed();
    NodeTools.Result run =
        NodeTools.run(
            node.command("cfn-lint", "validate", template.toAbsolutePath().toString()),
            Duration.ofMinutes(2));
    String output = ANSI.matcher(run.stdout() + run.stderr()).replaceAll("");
    assertThat(output).as(output).doesNotContain("Unable to parse template");
    List<String> findings = new ArrayList<>();
    Matcher finding = FINDING.matcher(output);
    while (finding.find()) {
      findings.add(finding.group(1).trim() + " | " + finding.group(2).trim());
    }
    List<String> listed = new ArrayList<>();
    for (String line : Files.readAllLines(expected)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] parts = line.split(" \\| ");
        assertThat(parts).as("location | message | reason: " + line).hasSize(3);
        listed.add(parts[0] + " | " + parts[1]);
      }
    }
    assertThat(findings).as(output).containsExactlyInAnyOrderElementsOf(listed);
  }
}
