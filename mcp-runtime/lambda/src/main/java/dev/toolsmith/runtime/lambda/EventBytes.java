package dev.toolsmith.runtime.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An invocation's event, read into a buffer the next invocation reuses. A warm function answers one
 * event after another, and a fresh array for each (what {@code readAllBytes} makes) was an eighth
 * of a request's allocation. One spare buffer is kept, and only up to {@link #KEPT} bytes, so a
 * large event is not held after it; invocations that overlap (Lambda Managed Instances run several
 * at once) take fresh buffers. A released buffer is zeroed first, so no earlier event, with its
 * bearer token, stays in memory.
 */
final class EventBytes {
  /** The largest buffer kept between invocations; API Gateway events are a few KiB. */
  static final int KEPT = 64 * 1024;

  private static final int FIRST_SIZE = 4 * 1024;
  private static final AtomicReference<byte[]> SPARE = new AtomicReference<>();

  private final byte[] array;
  private final int length;

  private EventBytes(byte[] array, int length) {
    this.array = array;
    this.length = length;
  }

  /** Reads the whole stream. */
  static EventBytes read(InputStream input) throws IOException {
    byte[] buffer = SPARE.getAndSet(null);
    int expected = input.available();
    if (buffer == null || buffer.length < expected) {
      buffer = new byte[Math.max(FIRST_SIZE, expected)];
    }
    int length = 0;
    for (int read; (read = input.read(buffer, length, buffer.length - length)) >= 0; ) {
      length += read;
      if (length == buffer.length) {
        int next = input.read();
        if (next < 0) {
          break;
        }
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
        buffer[length++] = (byte) next;
      }
    }
    return new EventBytes(buffer, length);
  }

  /** The buffer; only its first {@link #length()} bytes are the event. */
  byte[] array() {
    return array;
  }

  int length() {
    return length;
  }

  /** A copy of exactly the event's bytes, for the readers that keep them. */
  byte[] copy() {
    return Arrays.copyOf(array, length);
  }

  /** Hands the buffer to the next invocation; nothing may read it afterwards. */
  void release() {
    if (array.length <= KEPT) {
      Arrays.fill(array, 0, length, (byte) 0);
      SPARE.set(array);
    }
  }
}
