package dev.toolsmith.runtime.lambda;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON text of a response event, built in the buffer the event was read into and written to the
 * invocation's output in one write. The event's shape is fixed (a status, headers, a body that is
 * already JSON text of its own, a flag), so only its strings need JSON's escaping: setting up a
 * Jackson generator for it cost about 300 bytes per response, as much as the rest of writing it.
 *
 * <p>Strings are escaped as Jackson's generator escapes them: {@code "} and {@code \}, and the
 * control characters below U+0020 ({@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f}, else
 * {@code \}{@code u00XX}); everything else is written as its UTF-8 bytes.
 */
final class ResponseEvent {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private byte[] buffer;
  private int length;

  /**
   * Starts an event in the spare buffer, or, when invocations overlap and another holds it, in a
   * new one of the size expected, so an overlapping invocation allocates no more than it writes.
   */
  ResponseEvent(int expected) {
    byte[] spare = EventBytes.takeSpare(expected);
    buffer = spare != null ? spare : new byte[expected];
  }

  /** Appends text that needs no escaping, such as {@code {"statusCode":}. */
  ResponseEvent raw(byte[] ascii) {
    ensure(ascii.length);
    System.arraycopy(ascii, 0, buffer, length, ascii.length);
    length += ascii.length;
    return this;
  }

  /** Appends a non-negative number. */
  ResponseEvent number(int value) {
    if (value >= 100 && value <= 999) {
      ensure(3);
      buffer[length++] = (byte) ('0' + value / 100);
      buffer[length++] = (byte) ('0' + value / 10 % 10);
      buffer[length++] = (byte) ('0' + value % 10);
      return this;
    }
    return raw(Integer.toString(value).getBytes(StandardCharsets.US_ASCII));
  }

  /** Appends a JSON string of the text. */
  ResponseEvent string(String text) {
    int count = text.length();
    int start = length;
    ensure(count + 2);
    buffer[length++] = '"';
    for (int i = 0; i < count; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buffer[length++] = (byte) c;
      } else if (c >= 0x80) {
        // Rare in a header: start again from UTF-8, with String's handling of lone surrogates.
        length = start;
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return string(utf8, 0, utf8.length);
      } else {
        ensure(6 + count - i); // the escape, and room for the rest as the first ensure counted it
        escaped(c);
      }
    }
    buffer[length++] = '"';
    return this;
  }

  /** Appends a JSON string of UTF-8 text. */
  ResponseEvent string(byte[] utf8, int offset, int count) {
    ensure(count + 2);
    buffer[length++] = '"';
    int run = offset;
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      int b = utf8[i] & 0xFF;
      if (b == '"' || b == '\\' || b < 0x20) {
        copy(utf8, run, i - run);
        escaped(b);
        run = i + 1;
      }
    }
    copy(utf8, run, end - run);
    ensure(1);
    buffer[length++] = '"';
    return this;
  }

  /** Writes the event to the output and hands the buffer back, zeroed. */
  void writeTo(OutputStream output) throws IOException {
    try {
      output.write(buffer, 0, length);
    } finally {
      EventBytes.giveBack(buffer, length);
      buffer = null;
    }
  }

  private void copy(byte[] bytes, int from, int count) {
    ensure(count);
    System.arraycopy(bytes, from, buffer, length, count);
    length += count;
  }

  /** Appends one ASCII character, escaped when JSON requires it. */
  private void escaped(int c) {
    ensure(6);
    if (c >= 0x20 && c != '"' && c != '\\') {
      buffer[length++] = (byte) c;
      return;
    }
    buffer[length++] = '\\';
    switch (c) {
      case '"', '\\' -> buffer[length++] = (byte) c;
      case '\n' -> buffer[length++] = 'n';
      case '\r' -> buffer[length++] = 'r';
      case '\t' -> buffer[length++] = 't';
      case '\b' -> buffer[length++] = 'b';
      case '\f' -> buffer[length++] = 'f';
      default -> {
        buffer[length++] = 'u';
        buffer[length++] = '0';
        buffer[length++] = '0';
        buffer[length++] = HEX[c >> 4];
        buffer[length++] = HEX[c & 0xF];
      }
    }
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
