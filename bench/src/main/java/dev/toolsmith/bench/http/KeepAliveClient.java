package dev.toolsmith.bench.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection that sends the same request again and again and reads each
 * response whole (by {@code Content-Length} or chunks), with as little client work as possible so
 * the server's time dominates what is measured.
 */
final class KeepAliveClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] request;
  private final byte[] expected;

  KeepAliveClient(int port, byte[] request, String expected) throws IOException {
    this.socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    this.out = socket.getOutputStream();
    this.in = new BufferedInputStream(socket.getInputStream(), 8192);
    this.request = request;
    this.expected = expected.getBytes(StandardCharsets.UTF_8);
  }

  /** Sends the request, reads the response, and checks it is a 200 holding the expected text. */
  void call() throws IOException {
    out.write(request);
    out.flush();
    String status = line();
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IOException("Expected 200, got " + status);
    }
    int length = -1;
    boolean chunked = false;
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      String name = line.substring(0, colon);
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Integer.parseInt(line.substring(colon + 1).trim());
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = line.toLowerCase().contains("chunked");
      }
    }
    byte[] body;
    if (length >= 0) {
      body = in.readNBytes(length);
    } else if (chunked) {
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(256);
      for (int size = Integer.parseInt(line().trim(), 16);
          size > 0;
          size = Integer.parseInt(line().trim(), 16)) {
        all.write(in.readNBytes(size));
        line();
      }
      line();
      body = all.toByteArray();
    } else {
      throw new IOException("A kept-alive response needs a length or chunks");
    }
    if (!contains(body, expected)) {
      throw new IOException("Unexpected reply: " + new String(body, StandardCharsets.UTF_8));
    }
  }

  private static boolean contains(byte[] body, byte[] part) {
    outer:
    for (int i = 0; i <= body.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (body[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    int b;
    while ((b = in.read()) != '\n') {
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
