package dev.toolsmith.bench.http;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP latency benchmark: {@code tools/call get_weather} on a kept-alive connection, first
 * sequentially on one connection, then on 16 concurrent connections, against each contender of
 * {@link HttpContenders} in its own JVM, for each JDK given. Reports p50, p99 and requests per
 * second, and the ratios to the floor and to the SDK.
 *
 * <p>{@code java -cp http.jar dev.toolsmith.bench.http.HttpLatencyBench <jar> <seconds> <java>...}
 */
public final class HttpLatencyBench {
  private static final String CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
          + "{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}";

  /** Contenders to run, from {@code -Dhttp.contenders=floor,toolsmith,sdk} (the default). */
  private static final String[] CONTENDERS =
      System.getProperty("http.contenders", "floor,toolsmith,sdk").split(",");

  /**
   * The CPU the servers are pinned to with {@code taskset}, so client and server do not share
   * cores: {@code -Dhttp.serverCpus=1}; unpinned when not set.
   */
  private static final String SERVER_CPUS = System.getProperty("http.serverCpus", "");

  /** Extra JVM options for the servers, such as a profiler: {@code -Dhttp.serverOptions=...}. */
  private static final String SERVER_OPTIONS = System.getProperty("http.serverOptions", "");

  private HttpLatencyBench() {}

  /** What one phase measured. */
  record Phase(double p50Micros, double p99Micros, double requestsPerSecond) {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int seconds = Integer.parseInt(args[1]);
    for (int j = 2; j < args.length; j++) {
      String java = args[j];
      System.out.println("### " + version(java));
      Map<String, Phase[]> results = new LinkedHashMap<>();
      for (String contender : CONTENDERS) {
        results.put(contender, run(java, jar, contender, seconds));
      }
      report(results);
    }
  }

  private static Phase[] run(String java, Path jar, String contender, int seconds)
      throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    if (!SERVER_CPUS.isBlank()) {
      command.addAll(List.of("taskset", "-c", SERVER_CPUS));
    }
    command.addAll(List.of(java, "-Xmx512m"));
    if (!SERVER_OPTIONS.isBlank()) {
      command.addAll(List.of(SERVER_OPTIONS.trim().split("\\s+")));
    }
    command.addAll(
        List.of("-cp", jar.toString(), HttpContenders.class.getName(), contender, "" + port));
    Process server =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); !"READY".equals(line); line = out.readLine()) {
        if (line == null) {
          throw new IllegalStateException(contender + " exited before it was ready");
        }
      }
      byte[] request =
          ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nContent-Type: application/json\r\n"
                  + "Accept: application/json, text/event-stream\r\n"
                  + "MCP-Protocol-Version: 2025-11-25\r\nContent-Length: "
                  + CALL.getBytes(StandardCharsets.UTF_8).length
                  + "\r\n\r\n"
                  + CALL)
              .getBytes(StandardCharsets.UTF_8);
      // Warm up both paths, so the JIT has compiled what the measured phases run.
      load(port, request, 1, Math.max(5, seconds / 3));
      load(port, request, 16, Math.max(5, seconds / 3));
      Phase sequential = load(port, request, 1, seconds);
      Phase concurrent = load(port, request, 16, seconds);
      System.out.printf(
          Locale.ROOT,
          "%-10s sequential p50 %7.1f µs p99 %7.1f µs %8.0f req/s | 16 connections p50 %7.1f µs"
              + " p99 %8.1f µs %8.0f req/s%n",
          contender,
          sequential.p50Micros,
          sequential.p99Micros,
          sequential.requestsPerSecond,
          concurrent.p50Micros,
          concurrent.p99Micros,
          concurrent.requestsPerSecond);
      return new Phase[] {sequential, concurrent};
    } finally {
      server.destroy();
      server.waitFor(15, TimeUnit.SECONDS);
    }
  }

  /** Runs connections each calling as fast as it can for the given time. */
  private static Phase load(int port, byte[] request, int connections, int seconds)
      throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<long[]> samples = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int[] counts = new int[connections];
    Throwable[] failure = new Throwable[1];
    for (int c = 0; c < connections; c++) {
      long[] latencies = new long[4_000_000 / connections];
      samples.add(latencies);
      int index = c;
      Thread thread =
          new Thread(
              () -> {
                try (KeepAliveClient client = new KeepAliveClient(port, request, "sunny")) {
                  int n = 0;
                  while (System.nanoTime() < end && n < latencies.length) {
                    long start = System.nanoTime();
                    client.call();
                    latencies[n++] = System.nanoTime() - start;
                  }
                  counts[index] = n;
                } catch (Throwable e) {
                  failure[0] = e;
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure[0] != null) {
      throw new IllegalStateException("A client failed", failure[0]);
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(samples.get(c), 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    return new Phase(
        all[(int) (total * 0.50)] / 1000.0,
        all[(int) (total * 0.99)] / 1000.0,
        total / (double) seconds);
  }

  private static void report(Map<String, Phase[]> results) {
    if (results.size() < 3) {
      return;
    }
    Phase[] floor = results.get("floor");
    Phase[] toolsmith = results.get("toolsmith");
    Phase[] sdk = results.get("sdk");
    String[] names = {"sequential, 1 connection", "16 connections"};
    for (int p = 0; p < 2; p++) {
      System.out.printf(
          Locale.ROOT,
          "%s: Toolsmith/floor p50 %.2f×, p99 %.2f×; Toolsmith/SDK req/s %.2f×%n",
          names[p],
          toolsmith[p].p50Micros / floor[p].p50Micros,
          toolsmith[p].p99Micros / floor[p].p99Micros,
          toolsmith[p].requestsPerSecond / sdk[p].requestsPerSecond);
    }
  }

  private static String version(String java) throws Exception {
    Process process =
        new ProcessBuilder(java, "-XshowSettings:properties", "-version")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    for (String line : output.split("\n")) {
      if (line.trim().startsWith("java.runtime.version")) {
        return "JDK " + line.substring(line.indexOf('=') + 1).trim();
      }
    }
    return java;
  }
}
