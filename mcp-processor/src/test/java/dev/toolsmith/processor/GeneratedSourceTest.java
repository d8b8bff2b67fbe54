package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Golden tests: the exact generated sources and tool lists for representative tool classes. */
class GeneratedSourceTest {

  @Test
  void weather_generatesPackAndToolList() {
    assertGenerated("com/acme/Weather.java", "com.acme.Weather");
  }

  @Test
  void trips_recordsEnumsConstraintsRecursionAndContext() {
    assertGenerated("com/acme/Trips.java", "com.acme.Trips");
  }

  @Test
  void kitchen_everySupportedTypeAndResultKind() {
    assertGenerated("com/acme/Kitchen.java", "com.acme.Kitchen");
  }

  @Test
  void counter_sessionParameterAddsOptionalSessionHandle() {
    assertGenerated("com/acme/Counter.java", "com.acme.Counter");
  }

  @Test
  void greeter_identityParameterIsInjectedNotInTheSchema() {
    assertGenerated("com/acme/Greeter.java", "com.acme.Greeter");
  }

  @Test
  void library_resourcesTemplatesPromptsAndCompletions() {
    assertGenerated("com/acme/Library.java", "com.acme.Library");
  }

  @Test
  void board_scopesFromTheClassAndTheMethod() {
    assertGenerated("com/acme/Board.java", "com.acme.Board");
  }

  @Test
  void contacts_schemaDefsAndRulesAcrossArguments() {
    assertGenerated("com/acme/Contacts.java", "com.acme.Contacts");
  }

  @Test
  void reports_taskToolsDeclareHowTheyRunAsTasks() {
    assertGenerated("com/acme/Reports.java", "com.acme.Reports");
  }

  @Test
  void nestedClass_namedOuterInner() {
    Compilation compilation = Fixtures.compile(Fixtures.good("com/acme/nested/Outer.java"));
    assertThat(compilation).succeededWithoutWarnings();
    Goldens.assertMatches(
        "com.acme.nested.Outer_Inner_McpTools.java",
        Fixtures.generatedSource(compilation, "com.acme.nested.Outer_Inner_McpTools"));
    Schemas.assertToolListValid(
        Fixtures.generatedResource(
            compilation, "META-INF/toolsmith/com.acme.nested.Outer.Inner.json"));
  }

  @Test
  void serviceIndex_listsPacksThatServiceLoaderCanCreate_sorted() {
    Compilation compilation =
        Fixtures.compile(
            Fixtures.good("com/acme/Weather.java"),
            Fixtures.good("com/acme/Trips.java"),
            Fixtures.good("com/acme/Kitchen.java"),
            Fixtures.source(
                "com.acme.Board",
                "package com.acme;",
                "import dev.toolsmith.annotations.McpTool;",
                "public class Board {",
                "  public Board(String url) {}",
                "  /** Reads. */ @McpTool public String read() { return \"\"; }",
                "}"));
    assertThat(compilation).succeeded();
    Goldens.assertMatches(
        "META-INF/services/dev.toolsmith.runtime.spi.ToolPack",
        Fixtures.generatedResource(
            compilation, "META-INF/services/dev.toolsmith.runtime.spi.ToolPack"));
  }

  private static void assertGenerated(String source, String toolClass) {
    Compilation compilation = Fixtures.compile(Fixtures.good(source));
    assertThat(compilation).succeededWithoutWarnings();
    String pack = toolClass + "_McpTools";
    Goldens.assertMatches(pack + ".java", Fixtures.generatedSource(compilation, pack));
    String toolList =
        Fixtures.generatedResource(compilation, "META-INF/toolsmith/" + toolClass + ".json");
    Goldens.assertMatches("META-INF/toolsmith/" + toolClass + ".json", toolList);
    Schemas.assertToolListValid(toolList);
  }
}
