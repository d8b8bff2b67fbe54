package dev.toolsmith.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every container the processor knows around every element type: each combination either compiles
 * with its generated pack, or is refused with a Toolsmith id on the user's own parameter. Generated
 * code that does not compile (as {@code List<Optional<String>>} once did) fails here.
 */
class TypeMatrixTest {
  private static final List<String> ELEMENTS =
      List.of(
          "String",
          "Integer",
          "Long",
          "Double",
          "Boolean",
          "Character",
          "java.math.BigDecimal",
          "java.math.BigInteger",
          "java.util.UUID",
          "java.net.URI",
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.OffsetDateTime",
          "java.time.Duration",
          "com.fasterxml.jackson.databind.JsonNode",
          "com.fasterxml.jackson.databind.node.ObjectNode",
          "Color",
          "Point",
          "byte[]",
          "List<String>",
          "Set<Integer>",
          "Map<String, Integer>",
          "Optional<String>",
          "OptionalInt",
          "OptionalDouble",
          "Point[]");

  /** Each container, with {@code E} where the element goes. */
  @ParameterizedTest
  @ValueSource(
      strings = {"E", "List<E>", "Set<E>", "Collection<E>", "E[]", "Map<String, E>", "Optional<E>"})
  void everyAcceptedTypeCompiles_everyRefusedOneHasAnIdOnTheParameter(String container) {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(
        Fixtures.source(
            "test.Color", "package test;", "/** A colour. */", "public enum Color { RED, GREEN }"));
    sources.add(
        Fixtures.source(
            "test.Point",
            "package test;",
            "/**",
            " * A point.",
            " *",
            " * @param x across",
            " * @param y up",
            " */",
            "public record Point(int x, int y) {}"));
    List<String> types = new ArrayList<>();
    for (int i = 0; i < ELEMENTS.size(); i++) {
      String type = container.replace("E", ELEMENTS.get(i));
      types.add(type);
      sources.add(
          Fixtures.source(
              "test.Tools" + i,
              "package test;",
              "import java.util.*;",
              "import dev.toolsmith.annotations.McpTool;",
              "/** Tools. */",
              "public class Tools" + i + " {",
              "  /**",
              "   * Takes a value.",
              "   *",
              "   * @param value the value",
              "   */",
              "  @McpTool(name = \"take" + i + "\")",
              "  public String take(" + type + " value) { return String.valueOf(value); }",
              "}"));
    }
    Compilation compilation = Fixtures.compile(sources.toArray(new JavaFileObject[0]));
    List<Integer> refused = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      String where = error.getSource() == null ? "no file" : error.getSource().getName();
      String message = error.getMessage(null);
      assertWithMessage("%s in %s", message, where).that(message).contains("[Toolsmith");
      assertWithMessage("%s in %s", message, where).that(where).doesNotContain("_McpTools");
      assertWithMessage("%s", message).that(message).contains("Parameter 'value'");
      refused.add(Integer.parseInt(where.replaceAll(".*Tools(\\d+)\\.java$", "$1")));
    }
    // With errors javac writes no classes, so the accepted types then compile again alone.
    Compilation accepted = compilation;
    if (!compilation.errors().isEmpty()) {
      List<JavaFileObject> alone = new ArrayList<>(sources.subList(0, 2));
      for (int i = 0; i < types.size(); i++) {
        if (!refused.contains(i)) {
          alone.add(sources.get(i + 2));
        }
      }
      accepted = Fixtures.compile(alone.toArray(new JavaFileObject[0]));
    }
    assertWithMessage("accepted types in %s: %s", container, accepted.errors())
        .that(accepted.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    for (int i = 0; i < types.size(); i++) {
      if (refused.contains(i)) {
        continue;
      }
      String pack = "Tools" + i + "_McpTools.java";
      assertWithMessage("the pack for %s", types.get(i))
          .that(
              accepted.generatedSourceFiles().stream()
                  .anyMatch(file -> file.getName().endsWith(pack)))
          .isTrue();
    }
  }
}
