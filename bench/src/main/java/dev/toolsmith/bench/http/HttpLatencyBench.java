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
 * second, and the ratios to the floor and to the SDK. The contenders take turns in short slices
 * within each phase, so a noisy neighbour slows them all alike.
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

  /**
   * How long each contender is warmed up with each pattern before anything is measured (default 40
   * s). On one server core the JIT compiles on the core that serves: Toolsmith's server CPU per
   * request fell from 350 µs to its steady 28 µs only after about 25 s of full load, the canned
   * floor's within 10 s, so a shorter warm-up measures the JIT, not the server.
   */
  private static final int WARMUP_SECONDS = Integer.getInteger("http.warmupSeconds", 40);

  /** How long each contender runs before the next takes its turn, within a phase. */
  private static final int SLICE_SECONDS = 2;

  private HttpLatencyBench() {}

  /** A contender's server: where it listens and the exact request bytes it is sent. */
  private record Target(int port, byte[] request) {}

  /** What one phase measured. */
  record Phase(double p50Micros, double p99Micros, double requestsPerSecond) {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int seconds = Integer.parseInt(args[1]);
    for (int j = 2; j < args.length; j++) {
      String java = args[j];
      System.out.println("### " + version(java));
      report(run(java, jar, seconds));
    }
  }

  /**
   * Starts every contender, warms each up, then measures each phase in {@link #SLICE_SECONDS}
   * slices that take turns between the contenders, so drift on a shared machine (other tenants,
   * frequency changes) falls on all of them alike instead of on whichever ran at a bad moment.
   */
  private static Map<String, Phase[]> run(String java, Path jar, int seconds) throws Exception {
    Map<String, Process> servers = new LinkedHashMap<>();
    Map<String, Target> targets = new LinkedHashMap<>();
    try {
      for (String contender : CONTENDERS) {
        int port = freePort();
        servers.put(contender, start(java, jar, contender, port));
        targets.put(contender, new Target(port, request(port)));
      }
      for (String contender : CONTENDERS) {
        // Warm up both paths, so the JIT has compiled what the measured phases run.
        Recorder warm = new Recorder();
        load(targets.get(contender), 1, WARMUP_SECONDS, warm);
        load(targets.get(contender), 16, WARMUP_SECONDS, warm);
      }
      Map<String, Phase[]> results = new LinkedHashMap<>();
      for (String contender : CONTENDERS) {
        results.put(contender, new Phase[2]);
      }
      int[] connections = {1, 16};
      for (int p = 0; p < connections.length; p++) {
        Map<String, Recorder> recorders = new LinkedHashMap<>();
        for (String contender : CONTENDERS) {
          recorders.put(contender, new Recorder());
        }
        int slices = Math.max(1, seconds / SLICE_SECONDS);
        for (int slice = 0; slice < slices; slice++) {
          for (int c = 0; c < CONTENDERS.length; c++) {
            // Each slice starts with a different contender, so none always follows another.
            String contender = CONTENDERS[(slice + c) % CONTENDERS.length];
            load(targets.get(contender), connections[p], SLICE_SECONDS, recorders.get(contender));
          }
        }
        for (String contender : CONTENDERS) {
          results.get(contender)[p] = recorders.get(contender).phase();
        }
      }
      for (String contender : CONTENDERS) {
        Phase sequential = results.get(contender)[0];
        Phase concurrent = results.get(contender)[1];
        System.out.printf(
            Locale.ROOT,
            "%-10s sequential p50 %7.1f µs p99 %7.1f µs %8.0f req/s | 16 connections p50 %7.1f"
                + " µs p99 %8.1f µs %8.0f req/s%n",
            contender,
            sequential.p50Micros,
            sequential.p99Micros,
            sequential.requestsPerSecond,
            concurrent.p50Micros,
            concurrent.p99Micros,
            concurrent.requestsPerSecond);
      }
      return results;
    } finally {
      for (Process server : servers.values()) {
        server.destroy();
        server.waitFor(15, TimeUnit.SECONDS);
      }
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  /** Starts a contender's server in its own JVM and waits until it listens. */
  private static Process start(String java, Path jar, String contender, int port) throws Exception {
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
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); !"READY".equals(line); line = out.readLine()) {
      if (line == null) {
        throw new IllegalStateException(contender + " exited before it was ready");
      }
    }
    return server;
  }

  private static byte[] request(int port) {
    return ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nContent-Type: application/json\r\n"
            + "Accept: application/json, text/event-stream\r\n"
            + "MCP-Protocol-Version: 2025-11-25\r\nContent-Length: "
            + CALL.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n"
            + CALL)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Latencies and elapsed time gathered over a phase's slices. */
  private static final class Recorder {
    private long[] latencies = new long[1 << 16];
    private int count;
    private long elapsedNanos;

    synchronized void add(long[] more, int n) {
      if (count + n > latencies.length) {
        latencies = Arrays.copyOf(latencies, Math.max(latencies.length * 2, count + n));
      }
      System.arraycopy(more, 0, latencies, count, n);
      count += n;
    }

    Phase phase() {
      long[] all = Arrays.copyOf(latencies, count);
      Arrays.sort(all);
      return new Phase(
          all[(int) (count * 0.50)] / 1000.0,
          all[(int) (count * 0.99)] / 1000.0,
          count / (elapsedNanos / 1e9));
    }
  }

  /** Runs connections each calling as fast as it can for the given time, into the recorder. */
  private static void load(Target target, int connections, int seconds, Recorder recorder)
      throws Exception {
    long begin = System.nanoTime();
    long end = begin + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> threads = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    for (int c = 0; c < connections; c++) {
      Thread thread =
          new Thread(
              () -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                try (KeepAliveClient client =
                    new KeepAliveClient(target.port(), target.request(), "sunny")) {
                  while (System.nanoTime() < end && n < latencies.length) {
                    long start = System.nanoTime();
                    client.call();
                    latencies[n++] = System.nanoTime() - start;
                  }
                } catch (Throwable e) {
                  failure[0] = e;
                }
                recorder.add(latencies, n);
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    recorder.elapsedNanos += System.nanoTime() - begin;
    if (failure[0] != null) {
      throw new IllegalStateException("A client failed", failure[0]);
    }
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
      // The floor's own lead over the SDK bounds what any MCP server on this HTTP server can reach.
      System.out.printf(
          Locale.ROOT,
          "%s: Toolsmith/floor p50 %.2f×, p99 %.2f×; req/s Toolsmith/SDK %.2f× (floor/SDK"
              + " %.2f×)%n",
          names[p],
          toolsmith[p].p50Micros / floor[p].p50Micros,
          toolsmith[p].p99Micros / floor[p].p99Micros,
          toolsmith[p].requestsPerSecond / sdk[p].requestsPerSecond,
          floor[p].requestsPerSecond / sdk[p].requestsPerSecond);
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
