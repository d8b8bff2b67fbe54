package dev.toolsmith.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 on a raw socket, for what an HTTP client library will not send or hides: malformed
 * requests, trickled bytes, one kept-alive connection, and an event stream read event by event.
 */
public final class HttpWire implements Closeable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  /** One response: its status, headers (lower-case names) and body as text. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private HttpWire(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(15_000);
    socket.setTcpNoDelay(true);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Opens a connection to the host and port of a URL. */
  public static HttpWire connect(URI url) throws IOException {
    return new HttpWire(new Socket(url.getHost(), url.getPort()));
  }

  /** Returns the POST of a JSON-RPC message as MCP clients send it, with extra header lines. */
  public static String post(URI url, String json, String... headerLines) {
    StringBuilder request = new StringBuilder();
    request.append("POST ").append(url.getPath()).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n");
    request.append("Content-Type: application/json\r\n");
    request.append("Accept: application/json, text/event-stream\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    return request + json;
  }

  /** Sends bytes as they are. */
  public HttpWire send(String raw) throws IOException {
    return send(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends bytes as they are. */
  public HttpWire send(byte[] raw) throws IOException {
    out.write(raw);
    out.flush();
    return this;
  }

  /** Sets how long a read may wait. */
  public HttpWire timeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
    return this;
  }

  /** Reads a status line and headers. */
  public Response head() throws IOException {
    String status = line();
    if (status == null) {
      throw new IOException("The server closed the connection without a response");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(); line != null && !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    return new Response(Integer.parseInt(status.split(" ")[1]), headers, null);
  }

  /** Reads a whole response: head, then a body by Content-Length, chunks or to the end. */
  public Response response() throws IOException {
    Response head = head();
    String length = head.header("Content-Length");
    byte[] body;
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int size = chunkSize(); size > 0; size = chunkSize()) {
        all.write(in.readNBytes(size));
        line();
      }
      line();
      body = all.toByteArray();
    } else {
      body = in.readAllBytes();
    }
    return new Response(head.status(), head.headers(), new String(body, StandardCharsets.UTF_8));
  }

  /**
   * Reads the next event's {@code data} from a chunked event stream whose head was read, skipping
   * comments; {@code null} at the end of the stream.
   */
  public String nextEvent() throws IOException {
    StringBuilder data = null;
    while (true) {
      String line = eventLine();
      if (line == null) {
        return data == null ? null : data.toString();
      }
      if (line.isEmpty()) {
        if (data != null) {
          return data.toString();
        }
      } else if (line.startsWith("data:")) {
        data = data == null ? new StringBuilder() : data.append('\n');
        data.append(line.substring(5).trim());
      }
    }
  }

  private final StringBuilder pending = new StringBuilder();
  private boolean ended;

  /** One line of the event stream, across chunk boundaries. */
  private String eventLine() throws IOException {
    while (true) {
      int newline = pending.indexOf("\n");
      if (newline >= 0) {
        String line = pending.substring(0, newline);
        pending.delete(0, newline + 1);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      }
      if (ended) {
        return null;
      }
      int size = chunkSize();
      if (size <= 0) {
        ended = true;
        continue;
      }
      pending.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
      line();
    }
  }

  private int chunkSize() throws IOException {
    String line = line();
    return line == null || line.isEmpty() ? 0 : Integer.parseInt(line.split(";")[0].trim(), 16);
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  /** Returns whether the server closed the connection (a read sees the end). */
  public boolean closedByServer() {
    try {
      return in.read() == -1;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
