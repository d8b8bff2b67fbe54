package dev.toolsmith.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The class-data archive the archived contender starts with: trained once per JVM and scenario by
 * {@code dev.toolsmith.runtime.lambda.ArchiveTraining} on the contender's own class path and flags,
 * as a deployable's build would. JDK 25 gets an AOT cache ({@code -XX:AOTCacheOutput}, JEP 514);
 * JDK 17 and 21 a dynamic AppCDS archive ({@code -XX:ArchiveClassesAtExit}).
 */
final class ClassDataArchive {
  private static final Pattern FEATURE = Pattern.compile("version \"(\\d+)");

  private final Path file;
  private final boolean aotCache;

  private ClassDataArchive(Path file, boolean aotCache) {
    this.file = file;
    this.aotCache = aotCache;
  }

  /** Trains the scenario's archived contender on {@code java}; fails loudly if training does. */
  static ClassDataArchive train(
      String java, Path jars, String scenario, Map<String, String> environment)
      throws IOException, InterruptedException {
    ColdStartBench.Contender contender =
        ColdStartBench.contenders(scenario).stream()
            .filter(c -> c.role() == ColdStartBench.Role.ARCHIVED)
            .findFirst()
            .orElseThrow();
    int feature = feature(java);
    boolean aotCache = feature >= 25;
    Path file =
        jars.resolve("archive-" + scenario + "-jdk" + feature + (aotCache ? ".aot" : ".jsa"));
    Files.deleteIfExists(file);
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(ColdStartBench.LAMBDA_JVM_FLAGS);
    command.add((aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + file);
    command.addAll(
        List.of(
            "-cp",
            ColdStartBench.classpath(jars, contender),
            "dev.toolsmith.runtime.lambda.ArchiveTraining",
            contender.handler()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(environment);
    int exit = builder.start().waitFor();
    if (exit != 0 || !Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "Training the class-data archive for " + scenario + " on " + java + " failed: " + exit);
    }
    return new ClassDataArchive(file, aotCache);
  }

  /** Returns the flags a launch uses the archive with; the JVM refuses to start if it cannot. */
  List<String> useFlags() {
    return aotCache
        ? List.of("-XX:AOTCache=" + file, "-XX:AOTMode=on")
        : List.of("-XX:SharedArchiveFile=" + file, "-Xshare:on");
  }

  private static int feature(String java) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    Matcher matcher = FEATURE.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("Cannot tell the version of " + java + ": " + text);
    }
    return Integer.parseInt(matcher.group(1));
  }
}
