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
    int i = 0;
    int n = bytes.length;
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

  private static String invalid(int value, int at, String why) {
    return "it is not valid UTF-8: byte "
        + at
        + " (0x"
        + Integer.toHexString(0x100 | value).substring(1)
        + ") "
        + why;
  }
}
