package dev.toolsmith.bench.warm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH JSON result of {@link WarmPathBench} (run with {@code -prof gc}) as a Markdown table
 * per event: each contender's throughput and allocation per request, and Toolsmith's ratios to the
 * floor and to the official SDK.
 *
 * <p>Usage: {@code java -cp jmh.jar dev.toolsmith.bench.warm.WarmPathReport <result.json> <title>}
 */
public final class WarmPathReport {
  /** The bars of the warm path (issue 17): what a ratio is printed in bold for meeting. */
  private static final double MIN_FLOOR_THROUGHPUT = 0.8;

  private static final double MIN_SDK_LEAD = 3.0;
  private static final double MAX_FLOOR_BYTES = 1.5;

  private WarmPathReport() {}

  /** One contender on one event. */
  record Score(double opsPerSecond, double error, double bytesPerOp) {}

  public static void main(String[] args) throws IOException {
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<String, Map<String, Score>> byEvent = new LinkedHashMap<>();
    for (JsonNode result : results) {
      String event = result.at("/params/event").asText();
      String contender = result.at("/params/contender").asText();
      JsonNode primary = result.path("primaryMetric");
      double bytes = result.at("/secondaryMetrics/gc.alloc.rate.norm/score").asDouble(Double.NaN);
      byEvent
          .computeIfAbsent(event, e -> new LinkedHashMap<>())
          .put(
              contender,
              new Score(
                  primary.path("score").asDouble(), primary.path("scoreError").asDouble(), bytes));
    }
    StringBuilder md = new StringBuilder("\n### ").append(args[1]).append("\n\n");
    md.append(
        "| event | floor req/s | Toolsmith req/s | SDK req/s | Toolsmith / floor | Toolsmith / SDK"
            + " | bytes per request: floor, Toolsmith, SDK | Toolsmith / floor bytes |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Map<String, Score>> entry : byEvent.entrySet()) {
      Score floor = entry.getValue().get("floor");
      Score ours = entry.getValue().get("toolsmith");
      // A run limited to some contenders (-p contender=floor,toolsmith) leaves the SDK out.
      Score sdk =
          entry.getValue().getOrDefault("sdk", new Score(Double.NaN, Double.NaN, Double.NaN));
      double floorRatio = ours.opsPerSecond() / floor.opsPerSecond();
      double sdkRatio = ours.opsPerSecond() / sdk.opsPerSecond();
      double bytesRatio = ours.bytesPerOp() / floor.bytesPerOp();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,.0f (±%,.0f) | %,.0f | %s | %s | %,.0f, %,.0f, %,.0f | %s |%n",
              entry.getKey(),
              floor.opsPerSecond(),
              ours.opsPerSecond(),
              ours.error(),
              sdk.opsPerSecond(),
              ratio(floorRatio, floorRatio >= MIN_FLOOR_THROUGHPUT),
              ratio(sdkRatio, entry.getKey().endsWith("/tools-call") && sdkRatio >= MIN_SDK_LEAD),
              floor.bytesPerOp(),
              ours.bytesPerOp(),
              sdk.bytesPerOp(),
              ratio(bytesRatio, bytesRatio <= MAX_FLOOR_BYTES)));
    }
    System.out.print(md);
    System.out.printf(
        Locale.ROOT,
        "%nIn bold where the bar holds: throughput at least %.1f× the floor's, tools/call at least"
            + " %.0f× the SDK's, bytes per request at most %.1f× the floor's.%n",
        MIN_FLOOR_THROUGHPUT,
        MIN_SDK_LEAD,
        MAX_FLOOR_BYTES);
  }

  private static String ratio(double value, boolean meetsTheBar) {
    String text = String.format(Locale.ROOT, "%.2f×", value);
    return meetsTheBar ? "**" + text + "**" : text;
  }
}
