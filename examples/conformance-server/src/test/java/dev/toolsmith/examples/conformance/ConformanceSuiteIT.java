package dev.toolsmith.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.testing.NodeTools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance@0.2.0-alpha.12},
 * under Node 22 from npm) against the packaged {@code conformance-server.jar} on localhost, for
 * both protocol revisions. The suite's own exit code is the verdict for scored scenarios; the test
 * also reads the summary and holds the scenarios the suite runs without scoring (the tasks
 * extension, pending ones) to the same bar: no failed check anywhere, and no change in what is run
 * that could pass unnoticed.
 */
class ConformanceSuiteIT {
  private static final Pattern SCENARIO =
      Pattern.compile("^([✓✗]) ([a-z0-9-]+): (\\d+) passed, (\\d+) failed", Pattern.MULTILINE);
  private static final Pattern NOT_SCORED =
      Pattern.compile("^\\s+[✓✗] ([a-z0-9-]+) \\(", Pattern.MULTILINE);
  private static final Pattern TOTAL =
      Pattern.compile("^Total: (\\d+) passed, (\\d+) failed", Pattern.MULTILINE);
  private static Process server;
  private static String url;
  private static NodeTools node;

  @BeforeAll
  static void start() throws Exception {
    node = NodeTools.installed();
    Path jar = Path.of(System.getProperty("conformance.jar", "target/conformance-server.jar"));
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString())
            .redirectError(Files.createTempFile("conformance-server", ".err").toFile());
    builder.environment().put("PORT", "0");
    server = builder.start();
    String banner =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
    assertThat(banner).startsWith("Conformance MCP server listening at http://127.0.0.1:");
    // The suite's DNS-rebinding scenario needs a localhost URL.
    url = banner.substring(banner.indexOf("http://")).replace("127.0.0.1", "localhost");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.destroy();
    server.waitFor(15, TimeUnit.SECONDS);
  }

  @Test
  void revision20260728_passesEveryScenario_scoredOrNot() throws Exception {
    Summary summary = run("2026-07-28");
    assertThat(summary.exitCode).as(summary.output).isZero();
    assertThat(summary.scored).as(summary.output).hasSize(37);
    // The ten tasks-* scenarios of the tasks extension and three pending ones: run, not scored,
    // and held to the same bar.
    assertThat(summary.notScored)
        .as(summary.output)
        .hasSize(13)
        .contains(
            "tasks-lifecycle",
            "tasks-capability-negotiation",
            "tasks-wire-fields",
            "tasks-request-state-removal",
            "tasks-mrtr-input",
            "tasks-request-headers",
            "tasks-dispatch-and-envelope",
            "tasks-status-notifications",
            "tasks-required-task-error",
            "tasks-mrtr-composition",
            "json-schema-2020-12");
    assertThat(summary.failed).as(summary.output).isEmpty();
    assertThat(summary.totalFailed).as(summary.output).isZero();
    assertThat(summary.totalPassed).as(summary.output).isGreaterThanOrEqualTo(194);
  }

  @Test
  void revision20251125_passesEveryScenario_scoredOrNot() throws Exception {
    // Sampling and elicitation included: the server holds the call's stream and sends them as
    // server-to-client requests.
    Summary summary = run("2025-11-25");
    assertThat(summary.exitCode).as(summary.output).isZero();
    assertThat(summary.scored).as(summary.output).hasSize(30);
    assertThat(summary.notScored).as(summary.output).hasSize(3);
    assertThat(summary.failed).as(summary.output).isEmpty();
    assertThat(summary.totalFailed).as(summary.output).isZero();
  }

  @Test
  void parameterHeaders_passTheUnscoredCustomHeaderScenario() throws Exception {
    // Pending in the suite, so --requirements runs but does not score it: run it alone.
    String output = scenario("http-custom-header-server-validation", "2026-07-28");
    assertThat(output).contains("sep-2243-server-decode-base64");
  }

  @Test
  void jsonSchema2020_12_passesTheUnscoredScenario_inBothRevisions() throws Exception {
    // Pending too. Under 2025-11-25 the suite skips the SEP-2106 checks; under 2026-07-28 it
    // requires them.
    assertThat(scenario("json-schema-2020-12", "2026-07-28"))
        .contains("sep-2106-conditional-keywords-preserved")
        .contains("sep-2106-anchor-keyword-preserved");
    scenario("json-schema-2020-12", "2025-11-25");
  }

  /** Runs one scenario alone and asserts every check passed; returns the suite's output. */
  private static String scenario(String name, String revision) throws Exception {
    NodeTools.Result result =
        NodeTools.run(
            node.command(
                "conformance",
                "server",
                "--url",
                url,
                "--scenario",
                name,
                "--spec-version",
                revision),
            Duration.ofMinutes(2));
    String output = result.stdout() + result.stderr();
    assertThat(result.exitCode()).as(output).isZero();
    assertThat(output).as(output).containsPattern("Passed: (\\d+)/\\1, 0 failed");
    return output;
  }

  private static Summary run(String revision, String... extra) throws Exception {
    List<String> command =
        node.command("conformance", "server", "--url", url, "--requirements", revision);
    command.addAll(List.of(extra));
    NodeTools.Result result = NodeTools.run(command, Duration.ofMinutes(5));
    String output = result.stdout() + result.stderr();
    Set<String> notScored = new LinkedHashSet<>();
    int notScoredAt = output.indexOf("Not scored");
    if (notScoredAt >= 0) {
      Matcher matcher = NOT_SCORED.matcher(output.substring(notScoredAt));
      while (matcher.find()) {
        notScored.add(matcher.group(1));
      }
    }
    List<String> scored = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    int summaryAt = Math.max(0, output.lastIndexOf("=== SUMMARY ==="));
    Matcher scenario = SCENARIO.matcher(output.substring(summaryAt));
    while (scenario.find()) {
      if (!notScored.contains(scenario.group(2))) {
        scored.add(scenario.group(2));
      }
      if (scenario.group(1).equals("✗")) {
        failed.add(scenario.group(2));
      }
    }
    Matcher total = TOTAL.matcher(output.substring(summaryAt));
    assertThat(total.find()).as("the suite prints its total: " + output).isTrue();
    return new Summary(
        result.exitCode(),
        scored,
        List.copyOf(notScored),
        failed,
        Integer.parseInt(total.group(1)),
        Integer.parseInt(total.group(2)),
        output);
  }

  /**
   * What a suite run printed: the scored and not-scored scenarios, those that failed (scored or
   * not), and the check totals.
   */
  private record Summary(
      int exitCode,
      List<String> scored,
      List<String> notScored,
      List<String> failed,
      int totalPassed,
      int totalFailed,
      String output) {}
}
