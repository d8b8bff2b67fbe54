package dev.toolsmith.runtime.stdio;

import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.server.McpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Serves an {@link McpServer} over stdio, for desktop clients that start the server as a child
 * process: one JSON-RPC message per line on stdin, one per line on stdout.
 *
 * <p>Stdout carries only protocol messages. While {@link #run(McpServer)} runs, {@code System.out}
 * is pointed at stderr, so a stray {@code println} in a tool cannot corrupt the stream; logs go to
 * stderr too. Progress notifications are written as they happen, before the response.
 *
 * <pre>{@code
 * public static void main(String[] args) throws IOException {
 *   StdioMcpServer.run(McpServer.builder().name("weather").build());
 * }
 * }</pre>
 */
public final class StdioMcpServer {
  private StdioMcpServer() {}

  /** Serves stdin and stdout until stdin ends. */
  public static void run(McpServer server) throws IOException {
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      run(server, System.in, stdout);
    } finally {
      System.setOut(stdout);
    }
  }

  /** Serves the given streams until the input ends; one message per line each way. */
  public static void run(McpServer server, InputStream in, OutputStream out) throws IOException {
    Objects.requireNonNull(server, "server");
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    LineWriter writer = new LineWriter(out);
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      byte[] response =
          server.handleMessage(
              line.getBytes(StandardCharsets.UTF_8), TransportAttributes.none(), writer::write);
      if (response != null) {
        writer.write(response);
      }
    }
  }

  /** Writes whole lines and flushes each, so a client never sees half a message. */
  private static final class LineWriter {
    private final OutputStream out;

    LineWriter(OutputStream out) {
      this.out = out;
    }

    void write(String json) {
      write(json.getBytes(StandardCharsets.UTF_8));
    }

    synchronized void write(byte[] json) {
      try {
        out.write(json);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Could not write to stdout; the client has probably gone", e);
      }
    }
  }
}
