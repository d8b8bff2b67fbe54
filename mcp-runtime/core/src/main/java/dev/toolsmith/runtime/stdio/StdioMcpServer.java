package dev.toolsmith.runtime.stdio;

import dev.toolsmith.runtime.server.McpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Serves an {@link McpServer} over stdio, for desktop clients that start the server as a child
 * process: one JSON-RPC message per line on stdin, one per line on stdout.
 *
 * <p>Stdout carries only protocol messages. While {@link #run(McpServer)} runs, {@code System.out}
 * is pointed at stderr, so a stray {@code println} in a tool cannot corrupt the stream; logs go to
 * stderr too. Progress notifications are written as they happen, before the response. Requests run
 * concurrently (a slow tool does not hold up {@code ping}), {@code notifications/cancelled} cancels
 * the call it names, and the process's calls share one session.
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

  /**
   * Serves the given streams until the input ends or the output is closed; one message per line
   * each way. A line longer than the server's body limit ({@code maxBodyBytes}, 4 MiB by default)
   * is answered with an error and skipped without being held in memory; lines are read as bytes, so
   * invalid UTF-8 is refused like any other malformed message.
   */
  public static void run(McpServer server, InputStream in, OutputStream out) throws IOException {
    Objects.requireNonNull(server, "server");
    int limit = server.httpOptions().maxBodyBytes();
    LineReader reader = new LineReader(in, limit);
    LineWriter writer = new LineWriter(out);
    StdioCalls calls = new StdioCalls(server, writer::write);
    for (byte[] line = reader.next(); line != null && !writer.closed(); line = reader.next()) {
      if (line == LineReader.TOO_LONG) {
        writer.write(tooLong(limit));
        continue;
      }
      if (!isBlank(line)) {
        calls.accept(line);
      }
    }
    calls.finish();
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static byte[] tooLong(int limit) {
    return ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"The message is"
            + " longer than the "
            + limit
            + " bytes this server reads in one line, so it was skipped. Send smaller arguments, or"
            + " raise the server's maxBodyBytes.\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Writes whole lines and flushes each, so a client never sees half a message. */
  private static final class LineWriter {
    private final OutputStream out;
    private boolean closed;

    LineWriter(OutputStream out) {
      this.out = out;
    }

    /**
     * Writes one line; once a write fails (the client closed stdout), later ones are dropped and
     * the server stops reading, instead of failing each call.
     */
    synchronized void write(byte[] json) {
      if (closed) {
        return;
      }
      try {
        out.write(json);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        closed = true;
      }
    }

    synchronized boolean closed() {
      return closed;
    }
  }
}
