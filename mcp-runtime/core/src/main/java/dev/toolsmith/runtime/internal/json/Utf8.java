package dev.toolsmith.runtime.internal.json;

/**
 * Strict UTF-8 (RFC 3629), checked before JSON is parsed: Jackson's byte parser decodes overlong
 * forms and guesses UTF-16 or UTF-32 from zero bytes, so {@code post\xC1\x9Fmessage} would name
 * {@code post_message}. JSON exchanged between systems must be UTF-8 (RFC 8259 section 8.1), and
 * one text must have one reading.
 */
final class Utf8 {
  private Utf8() {}

  /** Returns what is wrong with the bytes as UTF-8 JSON text, or {@code null} when nothing is. */
  static String problem(byte[] bytes) {
    return problem(bytes, bytes.length);
  }

  /** As {@link #problem(byte[])}, for the first {@code length} bytes. */
  static String problem(byte[] bytes, int end) {
    int i = 0;
    int n = end;
    while (i < n) {
      int b = bytes[i];
      if (b > 0) {
        i++;
        continue;
      }
      if (b == 0) {
        return "it is not UTF-8: byte "
            + i
            + " is 0x00, as in UTF-16 or UTF-32 text, which this server does not read. Send UTF-8";
      }
      int lead = b & 0xff;
      int length;
      int min = 0x80;
      int max = 0xbf;
      if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        if (lead == 0xe0) {
          min = 0xa0; // no overlong forms
        } else if (lead == 0xed) {
          max = 0x9f; // no UTF-16 surrogates
        }
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        if (lead == 0xf0) {
          min = 0x90;
        } else if (lead == 0xf4) {
          max = 0x8f; // nothing past U+10FFFF
        }
      } else {
        return invalid(lead, i, "cannot begin a character");
      }
      if (i + length > n) {
        return invalid(lead, i, "begins a character the text ends before");
      }
      for (int k = 1; k < length; k++) {
        int next = bytes[i + k] & 0xff;
        int low = k == 1 ? min : 0x80;
        int high = k == 1 ? max : 0xbf;
        if (next < low || next > high) {
          return invalid(next, i + k, "does not continue the character begun at byte " + i);
        }
      }
      i += length;
    }
    return null;
  }

  /**
   * Encodes text as UTF-8 exactly as {@code new String(chars, offset, length).getBytes(UTF_8)}
   * does, a lone surrogate becoming {@code ?}, without the {@code String} in between.
   */
  static byte[] encode(char[] chars, int offset, int length) {
    int end = offset + length;
    int size = 0;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (c < 0x80) {
        size++;
      } else if (c < 0x800) {
        size += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(chars[i + 1])) {
        size += 4;
        i++;
      } else {
        size += Character.isSurrogate(c) ? 1 : 3;
      }
    }
    byte[] bytes = new byte[size];
    int at = 0;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (c < 0x80) {
        bytes[at++] = (byte) c;
      } else if (c < 0x800) {
        bytes[at++] = (byte) (0xc0 | c >> 6);
        bytes[at++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(chars[i + 1])) {
        int point = Character.toCodePoint(c, chars[++i]);
        bytes[at++] = (byte) (0xf0 | point >> 18);
        bytes[at++] = (byte) (0x80 | point >> 12 & 0x3f);
        bytes[at++] = (byte) (0x80 | point >> 6 & 0x3f);
        bytes[at++] = (byte) (0x80 | point & 0x3f);
      } else if (Character.isSurrogate(c)) {
        bytes[at++] = '?';
      } else {
        bytes[at++] = (byte) (0xe0 | c >> 12);
        bytes[at++] = (byte) (0x80 | c >> 6 & 0x3f);
        bytes[at++] = (byte) (0x80 | c & 0x3f);
      }
    }
    return bytes;
  }

  private static String invalid(int value, int at, String why) {
    return "it is not valid UTF-8: byte "
        + at
        + " (0x"
        + Integer.toHexString(0x100 | value).substring(1)
        + ") "
        + why;
  }
}
