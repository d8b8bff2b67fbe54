package dev.toolsmith.runtime.session;

import java.nio.charset.StandardCharsets;

/**
 * Reads the session key a deployment gives in {@link Sessions#KEY_VARIABLE}, the way {@code
 * MCP_REQUEST_STATE_KEY} is read: the trimmed value's UTF-8 bytes are the key.
 */
final class SessionKeys {
  private SessionKeys() {}

  /**
   * Returns the key's bytes, or {@code null} when the variable is unset or blank.
   *
   * @throws IllegalStateException when it is shorter than {@value SealedIds#MIN_KEY_BYTES} bytes
   */
  static byte[] parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    byte[] key = value.trim().getBytes(StandardCharsets.UTF_8);
    if (key.length < SealedIds.MIN_KEY_BYTES) {
      throw new IllegalStateException(
          Sessions.KEY_VARIABLE
              + " holds "
              + key.length
              + " bytes; a session key needs at least "
              + SealedIds.MIN_KEY_BYTES
              + ". Set it to the output of: openssl rand -base64 32");
    }
    return key;
  }
}
