package dev.toolsmith.bench.warm;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Resident memory after a warm execution environment's worth of requests: each contender in fresh
 * JVMs with Lambda's flags and heap, answering the same recorded {@code tools/call} event {@value
 * #REQUESTS} times, then reporting its RSS. Runs are interleaved; the median is reported.
 *
 * <p>Usage: {@code java -cp jmh.jar dev.toolsmith.bench.warm.WarmRss <runs> <java>} (the parent),
 * which launches itself with {@code child <contender>} for each measurement.
 */
public final class WarmRss {
  static final int REQUESTS = 10_000;

  /**
   * A 1024 MB function: the JVM sizes its heap from that much memory, as in Lambda's execution
   * environment (not from this machine's 24 GiB, which would give an initial heap so large that no
   * request ever collected), and the flags Lambda's managed Java runtimes start with.
   */
  static final List<String> FLAGS =
      List.of(
          "-XX:MaxRAM=1024m",
          "-XX:+TieredCompilation",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC");

  private static final List<String> CONTENDERS = List.of("floor", "toolsmith", "sdk");

  private WarmRss() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("child")) {
      child(args[1]);
      return;
    }
    int runs = Integer.parseInt(args[0]);
    String java = args[1];
    long[][] rss = new long[CONTENDERS.size()][runs];
    for (int run = 0; run < runs; run++) {
      for (int c = 0; c < CONTENDERS.size(); c++) {
        rss[c][run] = launch(java, CONTENDERS.get(c));
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("| contender | RSS MiB after ")
        .append(REQUESTS)
        .append(" tools/call (median, range) |\n");
    md.append("|---|---|\n");
    double[] medians = new double[CONTENDERS.size()];
    for (int c = 0; c < CONTENDERS.size(); c++) {
      long[] sorted = rss[c].clone();
      Arrays.sort(sorted);
      medians[c] = sorted[runs / 2] / 1024.0;
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f (%.1f–%.1f) |%n",
              CONTENDERS.get(c),
              medians[c],
              sorted[0] / 1024.0,
              sorted[runs - 1] / 1024.0));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nToolsmith / floor RSS: **%.2f×**; SDK / floor: %.2f×.%n",
            medians[1] / medians[0],
            medians[2] / medians[0]));
    System.out.print(md);
  }

  private static long launch(String java, String contender)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(FLAGS);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            WarmRss.class.getName(),
            "child",
            contender));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes()).trim();
    if (process.waitFor() != 0 || !out.startsWith("RSS ")) {
      throw new IllegalStateException(contender + " failed: " + out);
    }
    return Long.parseLong(out.substring(4));
  }

  private static void child(String contender) throws Exception {
    RequestStreamHandler handler =
        switch (contender) {
          case "floor" -> new dev.toolsmith.bench.floor.FloorHandler();
          case "toolsmith" -> new dev.toolsmith.examples.weather.WeatherHandler();
          case "sdk" -> new dev.toolsmith.bench.sdk.SdkWeatherHandler();
          default -> throw new IllegalArgumentException(contender);
        };
    byte[] event;
    try (InputStream in = WarmRss.class.getResourceAsStream("/events/weather/tools-call.json")) {
      event = in.readAllBytes();
    }
    for (int i = 0; i < REQUESTS; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
      handler.handleRequest(new ByteArrayInputStream(event), out, null);
      if (i == 0 && !out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("200")) {
        throw new IllegalStateException(contender + " answered " + out);
      }
    }
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        System.out.println("RSS " + line.replaceAll("[^0-9]", ""));
        return;
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
