package dev.toolsmith.runtime.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The body of a streamed response, such as a {@code text/event-stream}: each {@link #write} reaches
 * the client before it returns, where the transport {@linkplain HttpExchange#streams() streams}.
 */
public interface ResponseStream extends AutoCloseable {

  /**
   * Writes a chunk and flushes it.
   *
   * @throws IOException when the client has gone away or stopped reading
   */
  void write(byte[] chunk) throws IOException;

  /** Ends the response. */
  @Override
  void close() throws IOException;

  /**
   * Returns a stream over a server's response body that flushes each chunk, for adapters whose
   * servers hand out an {@link OutputStream} (the JDK server, servlets).
   */
  static ResponseStream flushing(OutputStream out) {
    return new ResponseStream() {
      @Override
      public void write(byte[] chunk) throws IOException {
        out.write(chunk);
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }
}
