package dev.toolsmith.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A class-data archive of the Lambda deployable, trained by {@code ArchiveTraining} on the packaged
 * jar with this JVM (an AOT cache on JDK 25, a dynamic AppCDS archive before), then used by a
 * second JVM that must map it ({@code -Xshare:on} or {@code -XX:AOTMode=on} refuse to start
 * otherwise), which logs where each class of the handler's request path came from.
 */
class LambdaArchiveIT {
  private static final String TRAINING = "dev.toolsmith.runtime.lambda.ArchiveTraining";
  private static final String HANDLER = "dev.toolsmith.examples.weather.WeatherHandler";

  private final Path jar = Path.of(System.getProperty("weather.jar", "target/weather.jar"));
  private final boolean aotCache = Runtime.version().feature() >= 25;
  private final Path archive = jar.resolveSibling(aotCache ? "weather.aot" : "weather-lambda.jsa");

  @Test
  void theTrainedArchive_holdsTheHandlersRequestPath() throws Exception {
    Files.deleteIfExists(archive);
    Run training =
        java(
            (aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive,
            "-cp",
            jar.toString(),
            TRAINING,
            HANDLER);
    assertThat(training.exit()).as(training.output()).isZero();
    assertThat(training.output())
        .contains(
            "Archive training of " + HANDLER + ": 3 priming requests answered [200, 200, 200]");
    assertThat(archive).isNotEmptyFile();

    Path log = jar.resolveSibling("lambda-archive-class-load.log");
    Run restarted =
        java(
            aotCache ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive,
            aotCache ? "-XX:AOTMode=on" : "-Xshare:on",
            "-Xlog:class+load=info:file=" + log,
            "-cp",
            jar.toString(),
            TRAINING,
            HANDLER);
    assertThat(restarted.exit()).as(restarted.output()).isZero();
    ClassLoadLog.assertMappedFromArchive(log, ClassLoadLog.LAMBDA_REQUEST_PATH);
  }

  @Test
  void trainingAClassThatIsNoHandler_failsNamingIt() throws Exception {
    Run training =
        java("-cp", jar.toString(), TRAINING, "dev.toolsmith.examples.weather.WeatherTools");

    assertThat(training.exit()).isNotZero();
    assertThat(training.output())
        .contains(
            "dev.toolsmith.examples.weather.WeatherTools is not a "
                + "dev.toolsmith.runtime.lambda.McpLambdaHandler subclass");
  }

  private record Run(int exit, String output) {}

  private static Run java(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
