package dev.toolsmith.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The common layout: records in a {@code model} module, tools in another that has them only as
 * class files. javac keeps no Javadoc in class files, so the descriptions travel beside the class.
 */
class CrossModuleDescriptionsTest {
  @TempDir Path dir;

  @Test
  void aRecordCompiledWithTheProcessor_keepsItsDescriptionsInTheNextModule() throws IOException {
    Path model = compileModel(dir, true);
    assertThat(model.resolve("META-INF/toolsmith/descriptions/acme.model.Trip.properties"))
        .exists();
    Path tools = dir.resolve("tools");
    String diagnostics = DiskCompiler.compile(tools, List.of(model), true, toolSource(dir));
    assertThat(diagnostics).doesNotContain("ToolsmithDescriptionsUnavailable");
    String index = Files.readString(tools.resolve("META-INF/toolsmith/acme.tools.Planner.json"));
    assertThat(index)
        .contains("\"description\": \"where to go, a city name\"")
        .contains("\"description\": \"how many nights, at least one\"");
  }

  /** Compiles the model module, a documented record, into {@code <dir>/model}. */
  static Path compileModel(Path dir, boolean withProcessor) throws IOException {
    Path trip =
        DiskCompiler.source(
            dir.resolve("model-src"),
            "acme.model.Trip",
            "package acme.model;",
            "/**",
            " * A trip to plan.",
            " *",
            " * @param city where to go, a city name",
            " * @param nights how many nights, at least one",
            " */",
            "public record Trip(String city, int nights) {}");
    Path out = dir.resolve("model");
    DiskCompiler.compile(out, List.of(), withProcessor, trip);
    return out;
  }

  /** Writes the tools module's one source, a tool taking the model's record. */
  static Path toolSource(Path dir) throws IOException {
    return DiskCompiler.source(
        dir.resolve("tools-src"),
        "acme.tools.Planner",
        "package acme.tools;",
        "import acme.model.Trip;",
        "import dev.toolsmith.annotations.McpTool;",
        "/** Plans. */",
        "public class Planner {",
        "  /**",
        "   * Plans a trip.",
        "   *",
        "   * @param trip the trip",
        "   */",
        "  @McpTool public String plan(Trip trip) { return trip.city(); }",
        "}");
  }
}
