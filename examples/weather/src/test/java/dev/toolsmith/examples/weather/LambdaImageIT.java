package dev.toolsmith.examples.weather;

import static dev.toolsmith.examples.weather.LambdaRuntimeClientTest.answer;
import static dev.toolsmith.examples.weather.LambdaRuntimeClientTest.httpApiEvent;
import static dev.toolsmith.examples.weather.LambdaRuntimeClientTest.httpBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.toolsmith.runtime.testing.FakeLambdaService;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lambda container image ({@code Dockerfile}), run here as Lambda would run it: no Docker
 * engine runs on this machine, so the test reads the Dockerfile, runs its {@code RUN} step (the
 * class-data archive's training) and then its {@code ENTRYPOINT} and {@code CMD} with its {@code
 * ENV}, on the packaged jar and runtime client jars in place of the image's {@code /function/},
 * against a loopback Lambda service that the real runtime interface client polls.
 */
class LambdaImageIT {
  private static final String HANDLER = "dev.toolsmith.examples.weather.WeatherHandler";
  private static final DockerfileInstructions DOCKERFILE =
      DockerfileInstructions.read("Dockerfile");
  private static final Path TARGET =
      Path.of(System.getProperty("weather.jar", "target/weather.jar")).toAbsolutePath().getParent();
  private static final Path ARCHIVE = TARGET.resolve("lambda-image.jsa");

  @BeforeAll
  static void trainTheArchiveAsTheImageBuildDoes() throws Exception {
    Files.deleteIfExists(ARCHIVE);
    List<String> training = inTarget(DOCKERFILE.run());
    String runtimeApi = training.remove(0);
    assertThat(runtimeApi).startsWith("AWS_LAMBDA_RUNTIME_API=127.0.0.1:");
    assertThat(training.get(0)).isEqualTo("java");
    training.set(0, java());
    Path log = TARGET.resolve("lambda-image-training.log");
    ProcessBuilder builder =
        new ProcessBuilder(training).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(DOCKERFILE.env());
    // The image's fixed port, on a free one here: tests may run beside each other.
    try (ServerSocket free = new ServerSocket(0)) {
      builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + free.getLocalPort());
    }
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains(
            "Archive training of "
                + HANDLER
                + " through the Lambda runtime interface client: 3 requests answered"
                + " [200, 200, 200]");
    assertThat(ARCHIVE).isNotEmptyFile();
  }

  @Test
  void theImage_copiesWhatTheBuildMakes_andRunsTheRealHandler() throws Exception {
    assertThat(DOCKERFILE.all().get(0)).isEqualTo("FROM amazoncorretto:21-al2023-headless");
    for (String copy : DOCKERFILE.withKeyword("COPY")) {
      List<String> sources = List.of(copy.split("\\s+"));
      assertThat(sources.get(sources.size() - 1)).isEqualTo("/function/");
      for (String source : sources.subList(0, sources.size() - 1)) {
        assertThat(Path.of(source)).as("the build makes " + source).isRegularFile();
      }
    }
    List<String> cmd = DOCKERFILE.exec("CMD");
    assertThat(cmd).containsExactly(HANDLER + "::handleRequest");
    assertThat(Class.forName(HANDLER)).isAssignableTo(RequestStreamHandler.class);
    assertThat(DOCKERFILE.env().get("JAVA_TOOL_OPTIONS")).contains("-XX:TieredStopAtLevel=1");
  }

  @Test
  void theFunction_startsFromTheArchive_andAnswersThroughTheRuntimeClient() throws Exception {
    Path classLoadLog = TARGET.resolve("lambda-image-class-load.log");
    List<String> command = imageCommand(ARCHIVE);
    // Records where each class came from; it changes nothing else.
    command.add(1, "-Xlog:class+load=info:file=" + classLoadLog);

    answersAsTheWeatherFunction(command);

    ClassLoadLog.assertMappedFromArchive(classLoadLog, ClassLoadLog.LAMBDA_REQUEST_PATH);
    ClassLoadLog.assertMappedFromArchive(
        classLoadLog,
        List.of(
            "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
            "com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader"));
  }

  @Test
  void anArchiveThisJvmCannotUse_isIgnored_andTheFunctionStillAnswers() throws Exception {
    Path garbage = Files.createTempFile("not-an-archive", ".jsa");
    Files.writeString(garbage, "not a class-data archive");

    answersAsTheWeatherFunction(imageCommand(garbage));
  }

  /** The image's ENTRYPOINT and CMD on this JVM, mapping the given archive in place of its own. */
  private static List<String> imageCommand(Path archive) {
    List<String> command = new ArrayList<>(DOCKERFILE.exec("ENTRYPOINT"));
    command.addAll(DOCKERFILE.exec("CMD"));
    assertThat(command.get(0)).isEqualTo("java");
    assertThat(command)
        .as("the function runs on the class path the archive was trained on")
        .contains(classPathOf(DOCKERFILE.run()));
    command.set(0, java());
    command.replaceAll(word -> inTarget(word.replace("/function/weather.jsa", archive.toString())));
    return command;
  }

  private static void answersAsTheWeatherFunction(List<String> command) throws Exception {
    try (FakeLambdaService lambda = new FakeLambdaService()) {
      Path log = Files.createTempFile("lambda-image", ".log");
      Map<String, String> environment = new HashMap<>(DOCKERFILE.env());
      environment.put("AWS_LAMBDA_FUNCTION_NAME", "weather");
      Process runtime = lambda.startRuntimeClient(command, environment, log);
      try {
        String call =
            answer(
                lambda.invoke(
                    httpApiEvent(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                            + "{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Oslo\"}}}")));
        assertThat(httpBody(call).at("/result/content/0/text").asText())
            .as(Files.readString(log))
            .isEqualTo("The weather in Oslo is sunny and 72°F.");
        assertThat(lambda.errors()).isEmpty();
      } finally {
        runtime.destroy();
        runtime.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static String classPathOf(List<String> words) {
    return words.get(words.indexOf("-cp") + 1);
  }

  private static List<String> inTarget(List<String> words) {
    List<String> mapped = new ArrayList<>(words);
    mapped.replaceAll(LambdaImageIT::inTarget);
    return mapped;
  }

  /**
   * Replaces the image's paths with the build's files: {@code weather.jar} and the archive in
   * {@code target/}, the runtime client's jars in {@code target/lambda-runtime/}.
   */
  private static String inTarget(String word) {
    return word.replace("/function/weather.jsa", ARCHIVE.toString())
        .replace("/function/weather.jar", TARGET.resolve("weather.jar").toString())
        .replace("/function/", TARGET.resolve("lambda-runtime") + "/");
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
