package dev.toolsmith.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.testing.Architecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the core's packages free of dependency cycles, and shows the rule catches one. */
class ArchitectureTest {

  @Test
  void packages_formNoCycle() {
    Architecture.assertNoPackageCycles();
  }

  @Test
  void aCycle_isReportedWithTheClassesThatCloseIt(@TempDir Path dir) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path a =
        write(
            sources,
            "dev/toolsmith/a/A.java",
            "package dev.toolsmith.a; public class A { dev.toolsmith.b.B b; }");
    Path b =
        write(
            sources,
            "dev/toolsmith/b/B.java",
            "package dev.toolsmith.b; public class B { dev.toolsmith.a.A a; }");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> arguments = List.of("-d", classes.toString(), a.toString(), b.toString());
    assertThat(javac.run(null, null, null, arguments.toArray(new String[0]))).isZero();

    assertThatThrownBy(() -> Architecture.assertNoPackageCycles(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("dev.toolsmith.a.A")
        .hasMessageContaining("dev.toolsmith.b.B");
  }

  private static Path write(Path root, String file, String text) throws IOException {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, text);
  }
}
