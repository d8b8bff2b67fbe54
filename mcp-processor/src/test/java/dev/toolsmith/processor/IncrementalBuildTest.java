package dev.toolsmith.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE or an incremental build recompiles only the files that changed, into the same output
 * directory: the packs of the files it did not recompile must stay in the services file, and a pack
 * whose class is gone must leave it.
 */
class IncrementalBuildTest {
  private static final String SERVICES = "META-INF/services/dev.toolsmith.runtime.spi.ToolPack";

  @TempDir Path dir;

  @Test
  void recompilingOneFile_keepsTheOtherPacks_andDropsPacksWhoseClassIsGone() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path out = Files.createDirectories(dir.resolve("classes"));
    Path a = tool(sources, "Alpha", "alpha");
    Path b = tool(sources, "Beta", "beta");

    compile(out, a, b);
    assertThat(services(out)).containsExactly("test.Alpha_McpTools", "test.Beta_McpTools");

    compile(out, a);
    assertThat(services(out)).containsExactly("test.Alpha_McpTools", "test.Beta_McpTools");

    // Beta.java is deleted: the build tool deletes what it compiled from it, as Maven's
    // incremental compile and IDEs do.
    Files.delete(b);
    Files.delete(out.resolve("test/Beta.class"));
    Files.delete(out.resolve("test/Beta_McpTools.class"));
    compile(out, a);
    assertThat(services(out)).containsExactly("test.Alpha_McpTools");
  }

  @Test
  void recompilingOneFile_stillReportsAToolNameAnotherFileTook() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path out = Files.createDirectories(dir.resolve("classes"));
    Path a = tool(sources, "Alpha", "alpha");
    Path b = tool(sources, "Beta", "beta");
    compile(out, a, b);
    assertThat(Files.readAllLines(out.resolve("META-INF/toolsmith/tool-names.txt")))
        .containsExactly("test.Alpha: alpha", "test.Beta: beta");

    // Alpha is edited to take Beta's name, and only Alpha.java is recompiled, as an IDE does.
    tool(sources, "Alpha", "beta");
    String diagnostics = DiskCompiler.compileExpectingFailure(out, List.of(), a);
    assertThat(diagnostics)
        .contains("[ToolsmithDuplicateToolNameAcrossClasses]")
        .contains("Tool name 'beta' is already used by test.Beta, compiled earlier into the same");

    // Alpha takes a new name: the ledger keeps Beta's and replaces Alpha's.
    tool(sources, "Alpha", "gamma");
    compile(out, a);
    assertThat(Files.readAllLines(out.resolve("META-INF/toolsmith/tool-names.txt")))
        .containsExactly("test.Alpha: gamma", "test.Beta: beta");
  }

  private static Path tool(Path sources, String name, String tool) throws IOException {
    return DiskCompiler.source(
        sources,
        "test." + name,
        "package test;",
        "import dev.toolsmith.annotations.McpTool;",
        "/** Tools. */",
        "public class " + name + " {",
        "  /** Answers. */",
        "  @McpTool(name = \"" + tool + "\") public String answer() { return \"\"; }",
        "}");
  }

  private static void compile(Path out, Path... files) throws IOException {
    DiskCompiler.compile(out, List.of(), true, files);
  }

  private static List<String> services(Path out) throws IOException {
    return Files.readAllLines(out.resolve(SERVICES));
  }
}
