package dev.toolsmith.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated files with golden copies under {@code src/test/resources/expected}, as exact
 * text: formatting is part of what we promise.
 *
 * <p>Run with {@code GOLDEN_FILE_ROOT=src/test/resources} (relative to {@code mcp-processor}) to
 * rewrite the goldens, then review the diff.
 */
final class Goldens {
  private Goldens() {}

  static void assertMatches(String name, String actual) {
    String root = System.getenv("GOLDEN_FILE_ROOT");
    if (root != null && !root.isBlank()) {
      try {
        Path file = Path.of(root, "expected", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    String expected = Fixtures.text("expected/" + name);
    if (expected == null) {
      throw new AssertionError(
          "No golden file mcp-processor/src/test/resources/expected/"
              + name
              + "; run the test with GOLDEN_FILE_ROOT=src/test/resources to create it, then review it.");
    }
    assertThat(actual)
        .as("generated %s (regenerate with GOLDEN_FILE_ROOT=src/test/resources)", name)
        .isEqualTo(expected);
  }
}
