package dev.toolsmith.bench.warm;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The warm path of a Lambda handler, in process: one recorded API Gateway HTTP API event in, the
 * whole response event out, as the Lambda runtime calls {@code handleRequest} on a warm execution
 * environment. Each contender gets the same event bytes and writes into the same kind of buffer, so
 * the difference is the handler's own work: parsing the event and body, the protocol, the tool, and
 * writing the reply.
 *
 * <p>Contenders: the jackson-core floor (finds the method, writes a canned reply), Toolsmith's
 * weather handler as the example ships it, and the official MCP Java SDK 2.2.0 with the same tool,
 * on its legacy stateless API for handshake-era events and its 2026-07-28 server for the others.
 * Run with {@code -prof gc} for allocation per request ({@code gc.alloc.rate.norm}); {@code
 * bench/run-warm} does both JDKs and prints ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WarmPathBench {
  /** Who answers. */
  @Param({"floor", "toolsmith", "sdk"})
  public String contender;

  /** The recorded event, as {@code scenario/name} under {@code events/}. */
  @Param({
    "weather/tools-call",
    "weather/tools-list",
    "weather/initialize",
    "weather-modern/tools-call",
    "weather-modern/tools-list",
    "weather-modern/server-discover"
  })
  public String event;

  private RequestStreamHandler handler;
  private byte[] payload;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    boolean modern = event.startsWith("weather-modern/");
    handler =
        switch (contender) {
          case "floor" -> new dev.toolsmith.bench.floor.FloorHandler();
          case "toolsmith" -> new dev.toolsmith.examples.weather.WeatherHandler();
          case "sdk" ->
              modern
                  ? new dev.toolsmith.bench.sdk.SdkModernWeatherHandler()
                  : new dev.toolsmith.bench.sdk.SdkWeatherHandler();
          default -> throw new IllegalArgumentException(contender);
        };
    try (InputStream in = WarmPathBench.class.getResourceAsStream("/events/" + event + ".json")) {
      payload = in.readAllBytes();
    }
    // A contender that answers wrongly must not look fast.
    String reply = new String(answer().toByteArray(), StandardCharsets.UTF_8);
    if (!reply.contains("\"statusCode\":200")) {
      throw new IllegalStateException(contender + " answered " + event + " with " + reply);
    }
    if (!contender.equals("floor") && event.endsWith("tools-call") && !reply.contains("sunny")) {
      throw new IllegalStateException(contender + " answered " + event + " with " + reply);
    }
  }

  /** Answers the event once. */
  @Benchmark
  public ByteArrayOutputStream answer() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    handler.handleRequest(new ByteArrayInputStream(payload), out, null);
    return out;
  }
}
