package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Atoolsmith.baseline}: version 2 of a pack is compiled against version 1's index, and
 * every change that breaks what callers of version 1 relied on is an error with an id; additive
 * changes are notes.
 */
class CompatibilityTest {
  private static final String V1 =
      String.join(
          "\n",
          "  /** How fast. */ public enum Speed { ECONOMY, EXPRESS, OVERNIGHT }",
          "  /**",
          "   * A quote.",
          "   *",
          "   * @param cents the price",
          "   * @param days how long",
          "   */",
          "  public record Quote(long cents, int days) {}",
          "  /**",
          "   * Quotes.",
          "   *",
          "   * @param grams the weight",
          "   * @param speed how fast",
          "   * @param note a note",
          "   */",
          "  @McpTool public Quote quote(@Max(30000) int grams, Speed speed,"
              + " java.util.Optional<String> note) { return null; }",
          "  /**",
          "   * Tracks.",
          "   *",
          "   * @param id the parcel",
          "   */",
          "  @McpTool public String track(String id) { return id; }",
          "  /**",
          "   * Cancels.",
          "   *",
          "   * @param id the parcel",
          "   */",
          "  @McpTool public String cancel(String id) { return id; }");

  @TempDir Path dir;

  @Test
  void anUnchangedPack_hasNoFindings() throws IOException {
    Path baseline = baseline(V1);
    Compilation compilation = compile(baseline, V1);
    assertThat(compilation).succeeded();
    assertThat(findings(compilation)).isEmpty();
  }

  @Test
  void breakingChanges_areErrors_andAdditiveOnesNotes() throws IOException {
    Path baseline = baseline(V1);
    String v2 =
        V1.replace("ECONOMY, EXPRESS, OVERNIGHT", "ECONOMY, EXPRESS, SAME_DAY")
            .replace("@Max(30000) int grams", "@Max(20000) int grams")
            .replace("java.util.Optional<String> note", "String note, boolean insured")
            .replace(
                "public record Quote(long cents, int days)", "public record Quote(double cents)")
            .replace("@param days how long", "")
            .replace("public String track(String id)", "public String trackParcel(String id)")
            .replace(
                "public String cancel(String id) { return id; }",
                "public String cancel(String id, java.util.Optional<String> reason) { return id; }")
            .replace(
                "   * @param id the parcel\n   */\n  @McpTool public String cancel",
                "   * @param id the parcel\n   * @param reason why\n   */\n  @McpTool public String cancel");
    Compilation compilation = compile(baseline, v2);
    assertThat(compilation).failed();
    Goldens.assertMatches(
        "compatibility/findings.txt", String.join("\n", findings(compilation)) + "\n");
    assertThat(compilation)
        .hadErrorContaining("[ToolsmithBreakingChange] Tool 'quote': 'note' is now required")
        .inFile(compilation.sourceFiles().get(0))
        .onLineContaining("public Quote quote(");
  }

  @Test
  void anAcceptedBreak_isAWarning() throws IOException {
    Path baseline = baseline(V1);
    String v2 = V1.replace("@Max(30000) int grams", "@Max(20000) int grams");
    Compilation compilation =
        Fixtures.compileWith(
            List.of("-Atoolsmith.baseline=" + baseline, "-Atoolsmith.acceptBreakingChanges=quote"),
            source(v2));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("'grams' now has maximum 20000 (it was 30000)");
    Compilation all =
        Fixtures.compileWith(
            List.of("-Atoolsmith.baseline=" + baseline, "-Atoolsmith.acceptBreakingChanges=all"),
            source(V1.replace("  @McpTool public String track(String id) { return id; }", "")));
    assertThat(all).succeeded();
    assertThat(all).hadWarningContaining("Tool 'track': removed");
  }

  @Test
  void aCompilationWithoutPacks_isNotCompared() throws IOException {
    // Maven passes the same compiler arguments to the test compilation, which has no tools.
    Path baseline = baseline(V1);
    Compilation tests =
        Fixtures.compileWith(
            List.of("-Atoolsmith.baseline=" + baseline),
            Fixtures.source("test.ToolsTest", "package test;", "class ToolsTest {}"));
    assertThat(tests).succeededWithoutWarnings();
  }

  @Test
  void aJarBaseline_isReadLikeADirectory() throws IOException {
    Path directory = baseline(V1);
    Path jar = dir.resolve("tools-1.0.0.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      Path index = directory.resolve("META-INF/toolsmith/test.Tools.json");
      zip.putNextEntry(new ZipEntry("META-INF/toolsmith/test.Tools.json"));
      zip.write(Files.readAllBytes(index));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/toolsmith/agentcore-gateway/tools.json"));
      zip.write("[]".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Compilation compilation =
        compile(jar, V1.replace("  @McpTool public String cancel(String id) { return id; }", ""));
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[ToolsmithBreakingChange] Tool 'cancel': removed, compared with the baseline"
                + " tools-1.0.0.jar");
  }

  @Test
  void resourcesAndPrompts_areCompared() throws IOException {
    String v1 =
        String.join(
            "\n",
            "  /** The catalog. */ @McpResource(uri = \"shop://catalog\") public String catalog() {"
                + " return \"\"; }",
            "  /**",
            "   * Reviews.",
            "   *",
            "   * @param book which book",
            "   * @param tone how",
            "   */",
            "  @McpPrompt public String review(String book, java.util.Optional<String> tone) {"
                + " return book; }");
    Path baseline = baseline(v1);
    String v2 =
        v1.replace("@McpResource(uri = \"shop://catalog\")", "@McpResource(uri = \"shop://books\")")
            .replace("java.util.Optional<String> tone", "String tone");
    List<String> findings = findings(compile(baseline, v2));
    assertThat(findings)
        .contains(
            "ERROR [ToolsmithBreakingChange] Resource 'shop://catalog': removed, compared with"
                + " the baseline baseline: clients, agent prompts and allow-lists written for that"
                + " version break. Keep it compatible, or accept the break for a new major version"
                + " with -Atoolsmith.acceptBreakingChanges=shop://catalog (or =all).",
            "NOTE [ToolsmithAdditiveChange] Resource 'shop://books': new, compared with the"
                + " baseline baseline; a compatible change.");
    assertThat(String.join("\n", findings))
        .contains("Prompt 'review': argument 'tone' is now required");
  }

  private Path baseline(String body) throws IOException {
    Compilation v1 = Fixtures.compile(source(body));
    assertThat(v1).succeeded();
    Path baseline = dir.resolve("baseline");
    Path index = baseline.resolve("META-INF/toolsmith/test.Tools.json");
    Files.createDirectories(index.getParent());
    Files.writeString(index, Fixtures.generatedResource(v1, "META-INF/toolsmith/test.Tools.json"));
    return baseline;
  }

  private static Compilation compile(Path baseline, String body) {
    return Fixtures.compileWith(List.of("-Atoolsmith.baseline=" + baseline), source(body));
  }

  private static JavaFileObject source(String body) {
    return Fixtures.source(
        "test.Tools",
        "package test;",
        "import dev.toolsmith.annotations.*;",
        "import jakarta.validation.constraints.Max;",
        "/** Tools. */",
        "public class Tools {",
        body,
        "}");
  }

  /** The baseline check's diagnostics, as {@code KIND text}, in order. */
  private static List<String> findings(Compilation compilation) {
    List<String> findings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      String message = diagnostic.getMessage(null);
      if (message.contains("[ToolsmithBreakingChange]")
          || message.contains("[ToolsmithAdditiveChange]")) {
        findings.add(diagnostic.getKind() + " " + message);
      }
    }
    return findings;
  }
}
