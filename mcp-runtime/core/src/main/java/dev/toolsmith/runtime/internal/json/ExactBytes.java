package dev.toolsmith.runtime.internal.json;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects what a generator writes into one array of exactly that size. A generator buffers its
 * output and hands it over in one write when it is closed (more only past its buffer's size), so a
 * reply is copied once, where a {@code ByteArrayOutputStream} would copy it into a growing buffer
 * and again into the array it returns.
 */
public final class ExactBytes extends OutputStream {
  private static final byte[] EMPTY = new byte[0];

  private byte[] bytes = EMPTY;

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] chunk, int offset, int length) {
    if (bytes.length == 0) {
      bytes = Arrays.copyOfRange(chunk, offset, offset + length);
      return;
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + length);
    System.arraycopy(chunk, offset, longer, bytes.length, length);
    bytes = longer;
  }

  /** Returns everything written so far; complete once the generator writing here is closed. */
  public byte[] toByteArray() {
    return bytes;
  }
}
