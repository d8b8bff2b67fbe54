package dev.toolsmith.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold start, side by side: for each JDK and each run, launches a fresh JVM per contender
 * (interleaved so drift hits all alike) and times, from process launch, the moment each of the
 * three responses is complete. Prints medians, ranges, loaded classes and RSS as Markdown.
 *
 * <p>Scenarios: {@code weather} (floor, Toolsmith's weather handler, the official SDK) and {@code
 * toolbox} (floor, Toolsmith's deployable toolbox jar with its DynamoDB session table on a DynamoDB
 * Local child process, configured through the environment exactly as on Lambda), each in the
 * handshake era and, as {@code weather-modern} and {@code toolbox-modern}, over 2026-07-28.
 *
 * <p>Usage: {@code java -cp floor.jar[:toolbox.jar] dev.toolsmith.bench.ColdStartBench <jarDir>
 * <runs> <scenario> <java>...}; the toolbox scenario needs {@code -Ddynamodb.local.classpath}.
 */
public final class ColdStartBench {
  /** Flags Lambda's managed Java runtimes start the JVM with. */
  static final List<String> LAMBDA_JVM_FLAGS =
      List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** What a contender is in the comparison. */
  enum Role {
    /** The floor every ratio is against; its replies are canned, so only status is checked. */
    FLOOR,
    /** Toolsmith as it ships. */
    TOOLSMITH,
    /** The official SDK, the peer. */
    SDK,
    /** Toolsmith again, started with the class-data archive of a training run. */
    ARCHIVED
  }

  /**
   * One side of the comparison.
   *
   * @param classpath jar paths relative to the jar directory, separated by the path separator
   */
  record Contender(String name, String classpath, String handler, Role role) {
    /** Returns whether its responses are checked for the scenario's content. */
    boolean checked() {
      return role != Role.FLOOR;
    }

    Contender archived() {
      return new Contender(
          name + ", with its class-data archive", classpath, handler, Role.ARCHIVED);
    }
  }

  private static final Contender FLOOR =
      new Contender(
          "floor (jackson-core, canned replies)",
          "floor.jar",
          "dev.toolsmith.bench.floor.FloorHandler",
          Role.FLOOR);

  static List<Contender> contenders(String scenario) {
    if (scenario.startsWith("toolbox")) {
      Contender toolbox =
          new Contender(
              "Toolsmith toolbox (DynamoDB sessions)",
              "toolbox.jar" + File.pathSeparator + "floor.jar",
              "dev.toolsmith.examples.toolbox.ToolboxHandler",
              Role.TOOLSMITH);
      return List.of(FLOOR, toolbox, toolbox.archived());
    }
    Contender toolsmith =
        new Contender(
            "Toolsmith",
            "toolsmith.jar",
            "dev.toolsmith.examples.weather.WeatherHandler",
            Role.TOOLSMITH);
    if (scenario.equals("weather-modern")) {
      return List.of(
          FLOOR,
          toolsmith,
          new Contender(
              "official MCP Java SDK 2.2.0, 2026-07-28 server",
              "sdk.jar",
              "dev.toolsmith.bench.sdk.SdkModernWeatherHandler",
              Role.SDK),
          toolsmith.archived());
    }
    return List.of(
        FLOOR,
        toolsmith,
        new Contender(
            "official MCP Java SDK 2.2.0, legacy API",
            "sdk.jar",
            "dev.toolsmith.bench.sdk.SdkWeatherHandler",
            Role.SDK),
        toolsmith.archived());
  }

  /** One launch: milliseconds from launch to each response, then loaded classes and RSS. */
  record Run(double[] millis, int classes, long rssKb) {}

  private ColdStartBench() {}

  public static void main(String[] args) throws Exception {
    Path jars = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    String scenario = args[2];
    List<Contender> contenders = contenders(scenario);
    StringBuilder report = new StringBuilder();
    try (ToolboxBackend backend = scenario.startsWith("toolbox") ? ToolboxBackend.start() : null) {
      Map<String, String> environment =
          new LinkedHashMap<>(backend == null ? Map.of() : backend.environment());
      environment.putAll(extraEnvironment(System.getProperty("bench.environment", "")));
      for (int j = 3; j < args.length; j++) {
        String java = args[j];
        Map<Contender, List<Run>> results = new LinkedHashMap<>();
        contenders.forEach(c -> results.put(c, new ArrayList<>()));
        ClassDataArchive archive = ClassDataArchive.train(java, jars, scenario, environment);
        for (Contender contender : contenders) {
          // Warms the OS page cache; not counted.
          launch(java, jars, scenario, contender, environment, archive);
        }
        for (int i = 0; i < runs; i++) {
          for (Contender contender : contenders) {
            results
                .get(contender)
                .add(launch(java, jars, scenario, contender, environment, archive));
          }
        }
        report.append(table(version(java), runs, ColdStartProbe.events(scenario), results));
      }
    }
    System.out.print(report);
  }

  /**
   * Reads {@code BENCH_ENV} ({@code K=V,K=V}): more of the function's configuration, such as {@code
   * POWERTOOLS_METRICS_NAMESPACE=Toolsmith} to measure what turning metrics on costs.
   */
  static Map<String, String> extraEnvironment(String pairs) {
    Map<String, String> extra = new LinkedHashMap<>();
    for (String pair : pairs.split(",")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        extra.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
    }
    return extra;
  }

  static Run launch(
      String java,
      Path jars,
      String scenario,
      Contender contender,
      Map<String, String> environment,
      ClassDataArchive archive)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(LAMBDA_JVM_FLAGS);
    if (contender.role() == Role.ARCHIVED) {
      command.addAll(archive.useFlags());
    }
    command.addAll(
        List.of(
            "-cp",
            classpath(jars, contender),
            ColdStartProbe.class.getName(),
            contender.handler(),
            scenario,
            Boolean.toString(contender.checked())));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    double[] millis = new double[ColdStartProbe.events(scenario).length];
    int classes = -1;
    long rss = -1;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("RESPONSE ")) {
          millis[n++] = (System.nanoTime() - start) / 1e6;
        } else if (line.startsWith("STATS ")) {
          String[] parts = line.split("[ =]");
          classes = Integer.parseInt(parts[2]);
          rss = Long.parseLong(parts[4]);
        } else if (!line.startsWith("{")) {
          // JSON lines are the server's own request log and EMF metrics, which Lambda writes to
          // the same stdout; anything else is the probe failing.
          throw new IllegalStateException(contender.name() + " answered wrongly: " + line);
        }
      }
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(contender.name() + " exited with " + process.exitValue());
    }
    return new Run(millis, classes, rss);
  }

  /** Returns a contender's class path, absolute, in its order: an archive records it. */
  static String classpath(Path jars, Contender contender) {
    List<String> classpath = new ArrayList<>();
    for (String jar : contender.classpath().split(File.pathSeparator)) {
      classpath.add(jars.resolve(jar).toString());
    }
    return String.join(File.pathSeparator, classpath);
  }

  static String table(String jdk, int runs, String[] events, Map<Contender, List<Run>> results) {
    StringBuilder md = new StringBuilder();
    md.append("\n### ").append(jdk).append(", ").append(runs).append(" runs each\n\n");
    md.append("| contender | ")
        .append(String.join(" | ", events))
        .append(" | loaded classes | RSS MiB |\n");
    md.append("|---|---|---|---|---|---|\n");
    Map<Role, double[]> medians = new LinkedHashMap<>();
    for (Map.Entry<Contender, List<Run>> entry : results.entrySet()) {
      List<Run> list = entry.getValue();
      double[] median = new double[3];
      md.append("| ").append(entry.getKey().name());
      for (int e = 0; e < 3; e++) {
        int index = e;
        double[] values = list.stream().mapToDouble(r -> r.millis()[index]).sorted().toArray();
        median[e] = median(values);
        md.append(
            String.format(
                Locale.ROOT,
                " | %.0f ms (%.0f–%.0f)",
                median[e],
                values[0],
                values[values.length - 1]));
      }
      double classes = median(list.stream().mapToDouble(Run::classes).sorted().toArray());
      double rss = median(list.stream().mapToDouble(Run::rssKb).sorted().toArray()) / 1024;
      md.append(String.format(Locale.ROOT, " | %.0f | %.0f |%n", classes, rss));
      medians.put(entry.getKey().role(), median);
    }
    double[] floor = medians.get(Role.FLOOR);
    double[] ours = medians.get(Role.TOOLSMITH);
    md.append(
        String.format(
            Locale.ROOT,
            "%nFirst response: Toolsmith / floor = **%.2f×**; last response: %.2f×.",
            ours[0] / floor[0],
            ours[2] / floor[2]));
    double[] archived = medians.get(Role.ARCHIVED);
    if (archived != null) {
      md.append(
          String.format(
              Locale.ROOT,
              " With its archive / without: first response **%.2f×**, last response %.2f×"
                  + " (with / floor: %.2f×).",
              archived[0] / ours[0],
              archived[2] / ours[2],
              archived[0] / floor[0]));
    }
    double[] sdk = medians.get(Role.SDK);
    if (sdk != null) {
      md.append(
          String.format(
              Locale.ROOT,
              " SDK / Toolsmith: first response **%.2f×**, last response %.2f×.",
              sdk[0] / ours[0],
              sdk[2] / ours[2]));
    }
    return md.append(System.lineSeparator()).toString();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String version(String java) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    String first = text.lines().filter(l -> l.contains("version")).findFirst().orElse(java);
    String runtime =
        text.lines().filter(l -> l.contains("Runtime Environment")).findFirst().orElse("");
    return first.trim() + (runtime.isEmpty() ? "" : " (" + runtime.trim() + ")");
  }
}
