package dev.toolsmith.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 100,000 {@code initialize} calls from one unauthenticated client against the packaged server, as
 * the attack that once left 100,000 live sessions did: the in-memory store keeps the anonymous
 * caller to its share, memory stays bounded, and a client that comes afterwards is told clearly why
 * it gets no session (429 with {@code Retry-After}) instead of being dropped.
 */
class SessionFloodIT {
  private static final int CALLS = 100_000;
  private static final int CONNECTIONS = 4;
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"flood\",\"version\":\"1\"}}}";

  @Test
  void aFloodOfInitializeCalls_leavesMemoryBounded_andLaterClientsAreToldWhy() throws Exception {
    Path jar = Path.of(System.getProperty("conformance.jar", "target/conformance-server.jar"));
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString())
            .redirectError(Files.createTempFile("flood", ".err").toFile());
    builder.environment().put("PORT", "0");
    Process server = builder.start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String banner = out.readLine();
      assertThat(banner).contains("listening at http://");
      URI url = URI.create(banner.substring(banner.indexOf("http://")));
      long rssBefore = rssKib(server.pid());
      long liveBefore = liveHeapKib(server.pid());

      AtomicInteger served = new AtomicInteger();
      AtomicInteger limited = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      long started = System.nanoTime();
      for (int c = 0; c < CONNECTIONS; c++) {
        Thread thread =
            new Thread(
                () -> {
                  try (Wire wire = new Wire(url)) {
                    for (int i = 0; i < CALLS / CONNECTIONS; i++) {
                      int status = wire.initialize();
                      (status == 200 ? served : limited).incrementAndGet();
                      if (status != 200 && status != 429) {
                        throw new AssertionError("Unexpected status " + status);
                      }
                    }
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join(TimeUnit.MINUTES.toMillis(5));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long rssAfter = rssKib(server.pid());
      long liveAfter = liveHeapKib(server.pid());
      System.out.printf(
          "%d initialize calls in %.1f s: %d served, %d refused with 429; live heap after a full"
              + " GC %d KiB -> %d KiB; RSS %d MiB -> %d MiB (-Xmx256m)%n",
          CALLS,
          seconds,
          served.get(),
          limited.get(),
          liveBefore,
          liveAfter,
          rssBefore / 1024,
          rssAfter / 1024);

      // The anonymous caller holds at most a tenth of the default 10,000 sessions.
      assertThat(served.get()).isEqualTo(1_000);
      assertThat(limited.get()).isEqualTo(CALLS - 1_000);
      // What stays is a thousand small sessions, not a hundred thousand.
      assertThat(liveAfter - liveBefore).as("live heap growth in KiB").isLessThan(20 * 1024);

      try (Wire late = new Wire(url)) {
        String response = late.exchange(INITIALIZE);
        assertThat(response).startsWith("HTTP/1.1 429");
        assertThat(response.toLowerCase()).contains("retry-after: ").contains("application/json");
        assertThat(response).contains("You already hold 1000 live sessions");
      }
    } finally {
      server.destroy();
      server.waitFor(15, TimeUnit.SECONDS);
    }
  }

  /** Runs a full GC in the server (jcmd, from this JDK) and returns the heap it still uses. */
  private static long liveHeapKib(long pid) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    new ProcessBuilder(jcmd, Long.toString(pid), "GC.run")
        .redirectErrorStream(true)
        .start()
        .waitFor();
    Process info =
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info")
            .redirectErrorStream(true)
            .start();
    String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    info.waitFor();
    java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
    if (!used.find()) {
      throw new IllegalStateException("No heap use in: " + text);
    }
    return Long.parseLong(used.group(1));
  }

  private static long rssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("No VmRSS for " + pid);
  }

  /** One kept-alive connection sending whole requests and reading whole responses. */
  private static final class Wire implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    Wire(URI url) throws IOException {
      socket = new Socket(url.getHost(), url.getPort());
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(10_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream());
      host = url.getHost() + ":" + url.getPort();
    }

    int initialize() throws IOException {
      String response = exchange(INITIALIZE);
      return Integer.parseInt(response.substring(9, 12));
    }

    String exchange(String json) throws IOException {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      out.write(
          ("POST /mcp HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nContent-Type: application/json\r\nAccept: application/json, "
                  + "text/event-stream\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      StringBuilder head = new StringBuilder();
      int length = 0;
      for (String line = line(); !line.isEmpty(); line = line()) {
        head.append(line).append('\n');
        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b == -1) {
          throw new IOException("The server closed the connection");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
