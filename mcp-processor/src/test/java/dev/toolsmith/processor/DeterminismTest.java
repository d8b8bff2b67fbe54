package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Compiling the same sources twice, in any order, gives byte-identical generated files. */
class DeterminismTest {

  @Test
  void compilingTwice_givesByteIdenticalOutput() {
    Map<String, String> first =
        outputs(compile("com/acme/Weather.java", "com/acme/Trips.java", "com/acme/Kitchen.java"));
    Map<String, String> second =
        outputs(compile("com/acme/Weather.java", "com/acme/Trips.java", "com/acme/Kitchen.java"));
    Map<String, String> reversed =
        outputs(compile("com/acme/Kitchen.java", "com/acme/Trips.java", "com/acme/Weather.java"));
    assertThat(first)
        .containsKeys(
            "/SOURCE_OUTPUT/com/acme/Trips_McpTools.java",
            "/CLASS_OUTPUT/META-INF/toolsmith/com.acme.Trips.json",
            "/CLASS_OUTPUT/META-INF/services/dev.toolsmith.runtime.spi.ToolPack",
            "/CLASS_OUTPUT/com/acme/Trips_McpTools.class");
    assertThat(second).isEqualTo(first);
    assertThat(reversed).isEqualTo(first);
  }

  @Test
  void generatedSources_carryNoDateAndTheCoverageMarker() {
    String source =
        Fixtures.generatedSource(compile("com/acme/Weather.java"), "com.acme.Weather_McpTools");
    assertThat(source)
        .contains("@Generated(", "@ToolsmithGenerated")
        .doesNotContainPattern("date\\s*=")
        .doesNotContain("20" + "26-11");
  }

  private static Compilation compile(String... paths) {
    JavaFileObject[] sources = new JavaFileObject[paths.length];
    for (int i = 0; i < paths.length; i++) {
      sources[i] = Fixtures.good(paths[i]);
    }
    Compilation compilation = Fixtures.compile(sources);
    assertThat(compilation).succeeded();
    return compilation;
  }

  /** Returns every generated file's bytes (hex, so equality compares bytes), by path. */
  private static Map<String, String> outputs(Compilation compilation) {
    Map<String, String> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      try (InputStream in = file.openInputStream()) {
        files.put(file.toUri().getPath(), java.util.HexFormat.of().formatHex(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
