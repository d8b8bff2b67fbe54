package dev.toolsmith.runtime.stdio;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads newline-delimited messages as bytes, at most {@code limit} bytes each: a longer line is
 * skipped to its end without being kept, so one huge line cannot take the process's memory.
 */
final class LineReader {
  /** What {@link #next} returns for a line over the limit; compared by identity. */
  static final byte[] TOO_LONG = new byte[0];

  private final InputStream in;
  private final int limit;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);

  LineReader(InputStream in, int limit) {
    this.in = new BufferedInputStream(in, 64 * 1024);
    this.limit = limit;
  }

  /** Returns the next line without its newline, {@link #TOO_LONG}, or {@code null} at the end. */
  byte[] next() throws IOException {
    line.reset();
    boolean tooLong = false;
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (tooLong) {
        continue;
      }
      if (line.size() >= limit) {
        tooLong = true;
        line.reset();
        continue;
      }
      line.write(b);
    }
    if (b == -1 && line.size() == 0 && !tooLong) {
      return null;
    }
    return tooLong ? TOO_LONG : line.toByteArray();
  }
}
