package dev.toolsmith.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A JVM's {@code -Xlog:class+load=info} output, which names where each class came from: the tests
 * of class-data archives read it to prove classes were mapped from the archive, not loaded.
 */
final class ClassLoadLog {
  /** The classes every Lambda request of the weather server loads, handler to generated code. */
  static final List<String> LAMBDA_REQUEST_PATH =
      List.of(
          "dev.toolsmith.examples.weather.WeatherHandler",
          "dev.toolsmith.runtime.lambda.McpLambdaHandler",
          "dev.toolsmith.runtime.internal.protocol.McpEngine",
          "dev.toolsmith.examples.weather.WeatherTools_McpTools");

  private ClassLoadLog() {}

  /** Asserts that the JVM that wrote {@code log} mapped each of {@code types} from its archive. */
  static void assertMappedFromArchive(Path log, List<String> types) throws IOException {
    List<String> loaded = Files.readAllLines(log);
    for (String type : types) {
      assertThat(loaded)
          .as(type + " is mapped from the archive")
          .anyMatch(line -> line.contains(" " + type + " source: shared objects file"));
    }
  }
}
