package dev.toolsmith.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The container image's Dockerfile, checked against the build it packages: no Docker engine runs
 * here, so this is what can be checked without one.
 */
class DockerfileTest {
  @Test
  void buildsOnTheLambdaJavaBaseImage_withTheShadedJarAndTheRealHandler() throws Exception {
    List<String> instructions =
        Files.readAllLines(Path.of("Dockerfile")).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();

    assertThat(instructions.get(0)).isEqualTo("FROM public.ecr.aws/lambda/java:21");
    assertThat(instructions).contains("COPY target/weather.jar ${LAMBDA_TASK_ROOT}/lib/");
    String cmd = instructions.get(instructions.size() - 1);
    assertThat(cmd).matches("CMD \\[\"[a-zA-Z.]+::handleRequest\"]");
    String handler = cmd.substring(cmd.indexOf('"') + 1, cmd.indexOf("::"));
    assertThat(Class.forName(handler)).isAssignableTo(RequestStreamHandler.class);
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>weather</finalName>");
  }
}
