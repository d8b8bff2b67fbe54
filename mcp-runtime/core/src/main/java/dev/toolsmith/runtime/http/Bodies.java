package dev.toolsmith.runtime.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies for {@link HttpExchange} adapters, within a limit. */
public final class Bodies {
  private Bodies() {}

  /**
   * Reads a body: one of a declared length straight into an array of that size, any other (chunked)
   * at most one byte past the limit, so an oversized body costs no more memory than the limit.
   *
   * @param declaredLength the {@code Content-Length}, or -1 when there is none
   * @return the body, or {@code null} when it is longer than {@code limit}
   * @throws IOException when the body ends before its declared length, or cannot be read
   */
  public static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
    if (declaredLength > limit) {
      return null;
    }
    if (declaredLength >= 0) {
      byte[] body = new byte[(int) declaredLength];
      int read = in.readNBytes(body, 0, body.length);
      if (read < body.length) {
        throw new EOFException(
            "the body ended after " + read + " of its " + declaredLength + " declared bytes");
      }
      return body;
    }
    byte[] body = in.readNBytes(limit + 1);
    return body.length > limit ? null : body;
  }
}
