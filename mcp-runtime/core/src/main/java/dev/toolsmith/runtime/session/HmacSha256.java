package dev.toolsmith.runtime.session;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA256 (RFC 2104) over the JDK's {@code SHA-256} {@link MessageDigest}.
 *
 * <p>Why not {@code javax.crypto.Mac}: its first use in a JVM sets up the JCE framework (provider
 * verification and crypto policy files), 25–35 ms measured on a cold start, which a Lambda
 * function's first {@code initialize} would pay. {@code MessageDigest} is already loaded by then
 * (the bearer-token check uses it) and HMAC is two hashes over padded keys; {@code HmacSha256Test}
 * checks this against the RFC 4231 vectors and against {@code Mac}. Thread-safe: each call takes
 * its own digest.
 */
final class HmacSha256 {
  private static final int BLOCK_BYTES = 64;

  private final byte[] innerPad = new byte[BLOCK_BYTES];
  private final byte[] outerPad = new byte[BLOCK_BYTES];

  HmacSha256(byte[] key) {
    byte[] block = key.length > BLOCK_BYTES ? digest().digest(key) : key;
    for (int i = 0; i < BLOCK_BYTES; i++) {
      byte k = i < block.length ? block[i] : 0;
      innerPad[i] = (byte) (k ^ 0x36);
      outerPad[i] = (byte) (k ^ 0x5c);
    }
  }

  /** Returns the 32-byte tag of {@code data[offset, offset + length)} followed by {@code more}. */
  byte[] tag(byte[] data, int offset, int length, byte[] more) {
    MessageDigest digest = digest();
    digest.update(innerPad);
    digest.update(data, offset, length);
    digest.update(more);
    byte[] inner = digest.digest();
    digest.update(outerPad);
    return digest.digest(inner);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
