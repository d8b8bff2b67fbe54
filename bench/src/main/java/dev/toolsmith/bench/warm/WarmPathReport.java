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
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,.0f (±%,.0f) | %,.0f | **%.2f×** | **%.2f×** | %,.0f, %,.0f, %,.0f |"
                  + " **%.2f×** |%n",
              entry.getKey(),
              floor.opsPerSecond(),
              ours.opsPerSecond(),
              ours.error(),
              sdk.opsPerSecond(),
              ours.opsPerSecond() / floor.opsPerSecond(),
              ours.opsPerSecond() / sdk.opsPerSecond(),
              floor.bytesPerOp(),
              ours.bytesPerOp(),
              sdk.bytesPerOp(),
              ours.bytesPerOp() / floor.bytesPerOp()));
    }
    System.out.print(md);
  }
}
