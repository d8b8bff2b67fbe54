package dev.toolsmith.runtime.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An invocation's event, read into a buffer the next invocation reuses (and the response to it
 * built in the same buffer, {@link ResponseEvent}). A warm function answers one event after
 * another, and a fresh array for each (what {@code readAllBytes} makes) was an eighth of a
 * request's allocation. One spare buffer is kept, and only up to {@link #KEPT} bytes, so a large
 * event is not held after it; invocations that overlap (Lambda Managed Instances run several at
 * once) take fresh buffers. A released buffer is zeroed first, so no earlier event, with its bearer
 * token, stays in memory.
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
    byte[] buffer = borrow(input.available());
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
    giveBack(array, length);
  }

  /** Returns the spare buffer, or a new one when there is none or it is shorter than needed. */
  private static byte[] borrow(int atLeast) {
    byte[] spare = takeSpare(atLeast);
    return spare != null ? spare : new byte[Math.max(FIRST_SIZE, atLeast)];
  }

  /**
   * Takes the spare buffer when there is one of at least {@code atLeast} bytes, else returns null:
   * the event is read into it, and then the response is built in it ({@link ResponseEvent}).
   */
  static byte[] takeSpare(int atLeast) {
    byte[] spare = SPARE.getAndSet(null);
    return spare != null && spare.length >= atLeast ? spare : null;
  }

  /** Zeroes the first {@code used} bytes and keeps the buffer as the spare, if it is not large. */
  static void giveBack(byte[] buffer, int used) {
    if (buffer.length <= KEPT) {
      Arrays.fill(buffer, 0, used, (byte) 0);
      SPARE.set(buffer);
    }
  }
}
