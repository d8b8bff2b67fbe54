package dev.toolsmith.runtime.http;

import java.io.IOException;

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
}
