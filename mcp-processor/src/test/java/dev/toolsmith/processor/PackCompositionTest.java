package dev.toolsmith.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.toolsmith.runtime.spi.PackDependencies;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What lets packs from different authors live on one server: {@code @McpNamespace} names, packs
 * that a server configures after discovering them, and the metadata that says where a pack comes
 * from.
 */
class PackCompositionTest {

  @Test
  void namespace_onTheClass_prefixesDefaultAndExplicitNames() {
    Compilation compilation =
        Fixtures.compile(
            Fixtures.source(
                "test.Orders",
                "package test;",
                "import dev.toolsmith.annotations.*;",
                "/** Orders. */",
                "@McpNamespace(\"acme\")",
                "public class Orders {",
                "  /**",
                "   * Finds an order.",
                "   *",
                "   * @param id its id",
                "   */",
                "  @McpTool public String findOrder(String id) { return id; }",
                "  /** Ships. */",
                "  @McpTool(name = \"ship\") public String shipOrder() { return \"shipped\"; }",
                "}"));
    assertThat(compilation).succeeded();
    assertThat(names(Fixtures.onlyPack(compilation)))
        .containsExactly("acme_find_order", "acme_ship");
  }

  @Test
  void namespace_inPackageInfo_appliesToThePackage_unlessTheClassHasItsOwn() {
    Compilation compilation =
        Fixtures.compile(
            Fixtures.source(
                "test.package-info",
                "@dev.toolsmith.annotations.McpNamespace(\"pkg\")",
                "package test;"),
            Fixtures.source(
                "test.Plain",
                "package test;",
                "import dev.toolsmith.annotations.*;",
                "/** Plain. */",
                "public class Plain {",
                "  /** Pings. */ @McpTool public String ping() { return \"\"; }",
                "}"),
            Fixtures.source(
                "test.Own",
                "package test;",
                "import dev.toolsmith.annotations.*;",
                "/** Own. */",
                "@McpNamespace(\"own\")",
                "public class Own {",
                "  /** Pongs. */ @McpTool public String pong() { return \"\"; }",
                "}"));
    assertThat(compilation).succeeded();
    assertThat(Fixtures.generatedResource(compilation, "META-INF/toolsmith/test.Plain.json"))
        .contains("\"name\": \"pkg_ping\"");
    assertThat(Fixtures.generatedResource(compilation, "META-INF/toolsmith/test.Own.json"))
        .contains("\"name\": \"own_pong\"");
  }

  @Test
  void aClassTakingSettings_isDiscovered_andBuiltFromWhatTheServerProvides() throws Exception {
    Compilation compilation =
        Fixtures.compile(
            Fixtures.source(
                "test.Settings", "package test;", "public record Settings(String greeting) {}"),
            Fixtures.source(
                "test.Greeter",
                "package test;",
                "import dev.toolsmith.annotations.*;",
                "/** Greets. */",
                "public class Greeter {",
                "  private final Settings settings;",
                "  public Greeter(Settings settings) { this.settings = settings; }",
                "  /**",
                "   * Greets someone.",
                "   *",
                "   * @param name who",
                "   */",
                "  @McpTool public String greet(String name) {",
                "    return settings.greeting() + \", \" + name;",
                "  }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Fixtures.generatedResource(compilation, Fixtures.SERVICES))
        .contains("test.Greeter_McpTools");

    ToolPack discovered = Fixtures.onlyPack(compilation);
    Class<?> settingsType = discovered.getClass().getClassLoader().loadClass("test.Settings");
    Object settings = settingsType.getConstructor(String.class).newInstance("Hello");
    ToolPack configured = discovered.configure(PackDependencies.of(Map.of(settingsType, settings)));
    assertThat(configured).isNotSameAs(discovered);
    assertThat(configured.configure(PackDependencies.none())).isSameAs(configured);
    assertThat(
            configured
                .call("greet", ToolCall.of(Schemas.parse("{\"name\":\"Ada\"}")))
                .content()
                .toString())
        .contains("Hello, Ada");

    assertThatThrownBy(() -> discovered.configure(PackDependencies.none()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test.Greeter_McpTools was found on the class path")
        .hasMessageContaining("takes a test.Settings in its constructor")
        .hasMessageContaining("provide(Settings.class, ...)")
        .hasMessageContaining("excludePack(Greeter_McpTools.class)");
  }

  @Test
  void everyPack_recordsTheProcessorVersion_spiLevel_andTheCoordinatesTheBuildPassed() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new McpToolProcessor())
            .withOptions("-Atoolsmith.packCoordinates=com.acme:acme-tools:1.2.3")
            .compile(
                Fixtures.source(
                    "test.Clock",
                    "package test;",
                    "import dev.toolsmith.annotations.McpTool;",
                    "/** Clock. */",
                    "public class Clock {",
                    "  /** Tells the time. */ @McpTool public String now() { return \"noon\"; }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    ToolPack pack = Fixtures.onlyPack(compilation);
    assertThat(pack.coordinates()).isEqualTo("com.acme:acme-tools:1.2.3");
    assertThat(pack.processorVersion()).isEqualTo(PackOrigin.PROCESSOR_VERSION).isNotBlank();
    assertThat(pack.spiLevel()).isEqualTo(ToolPack.SPI_LEVEL);
    assertThat(Fixtures.generatedResource(compilation, "META-INF/toolsmith/test.Clock.json"))
        .contains("\"coordinates\": \"com.acme:acme-tools:1.2.3\"")
        .contains("\"processorVersion\": \"" + PackOrigin.PROCESSOR_VERSION + "\"")
        .contains("\"spiLevel\": " + ToolPack.SPI_LEVEL);
  }

  private static List<String> names(ToolPack pack) {
    return pack.tools().stream().map(ToolDescriptor::name).toList();
  }
}
