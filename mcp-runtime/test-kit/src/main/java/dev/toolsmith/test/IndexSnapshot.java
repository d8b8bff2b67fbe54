package dev.toolsmith.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Keeps a pack's generated index ({@code META-INF/toolsmith/<class>.json}: its tools, schemas and
 * descriptions as models see them) under review: a committed snapshot is compared with what the
 * build produced, so a schema change shows up in the pull request that makes it.
 *
 * <pre>{@code
 * @Test
 * void schemasAreReviewed() {
 *   IndexSnapshot.assertUnchanged(WeatherTools.class, Path.of("src/test/snapshots"));
 * }
 * }</pre>
 *
 * <p>A missing snapshot is written and the test passes; run with {@code
 * -Dtoolsmith.updateSnapshots=true} to accept a change. The index's {@code processorVersion} is not
 * compared, so upgrading Toolsmith alone does not fail the test; everything else is, the SPI level
 * and the pack's coordinates included.
 */
public final class IndexSnapshot {
  /** The system property that rewrites snapshots instead of comparing them. */
  public static final String UPDATE_PROPERTY = "toolsmith.updateSnapshots";

  private static final Pattern PROCESSOR_VERSION =
      Pattern.compile("(\"processorVersion\":\\s*)\"[^\"]*\"");

  private IndexSnapshot() {}

  /**
   * Asserts the tool class's index equals its snapshot in the directory ({@code <class>.json}).
   *
   * @throws AssertionError when they differ, or the class has no index (the processor did not run)
   */
  public static void assertUnchanged(Class<?> toolClass, Path snapshots) {
    String resource = "META-INF/toolsmith/" + toolClass.getName() + ".json";
    String actual = read(toolClass, resource);
    Path snapshot = snapshots.resolve(toolClass.getName() + ".json");
    try {
      if (!Files.exists(snapshot) || Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(snapshots);
        Files.writeString(snapshot, actual, StandardCharsets.UTF_8);
        return;
      }
      String expected = Files.readString(snapshot, StandardCharsets.UTF_8);
      if (!withoutProcessorVersion(expected).equals(withoutProcessorVersion(actual))) {
        throw new AssertionError(
            "The index of "
                + toolClass.getName()
                + " differs from its snapshot "
                + snapshot
                + " at line "
                + firstDifferentLine(expected, actual)
                + ". If the change is meant, run the tests with -D"
                + UPDATE_PROPERTY
                + "=true and commit the snapshot.\nexpected:\n"
                + expected
                + "\nactual:\n"
                + actual);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Class<?> toolClass, String resource) {
    ClassLoader loader = toolClass.getClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError(
            toolClass.getName()
                + " has no index "
                + resource
                + ": the Toolsmith processor did not run on it (is mcp-processor on the "
                + "compiler's processor path?), or it has no @McpTool, @McpResource or @McpPrompt "
                + "methods.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withoutProcessorVersion(String index) {
    return PROCESSOR_VERSION.matcher(index).replaceAll("$1\"\"");
  }

  private static int firstDifferentLine(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        return i + 1;
      }
    }
    return Math.min(a.length, b.length) + 1;
  }
}
