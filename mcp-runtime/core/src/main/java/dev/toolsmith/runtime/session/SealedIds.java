package dev.toolsmith.runtime.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Session ids that vouch for themselves, so a session can be handed out before its store has heard
 * of it.
 *
 * <p>A sealed id is 16 random bytes, the session's first expiry in epoch seconds (8 bytes) and a
 * 16-byte HMAC-SHA256 tag over both and the owner, in unpadded base64url: 54 characters. Any
 * process holding the same key can tell that the id was minted for this owner and until when,
 * without a database read; a forged, altered or someone else's id fails the tag. The id carries no
 * secret: the owner is only in the tag, and the random part is what makes two ids differ.
 */
final class SealedIds {
  /** Characters of a sealed id; minted unsealed ids are 43. */
  static final int LENGTH = 54;

  /** The fewest key bytes accepted: HMAC-SHA256's own strength. */
  static final int MIN_KEY_BYTES = 32;

  private static final int RANDOM_BYTES = 16;
  private static final int EXPIRY_BYTES = Long.BYTES;
  private static final int TAG_BYTES = 16;

  private final HmacSha256 hmac;

  /**
   * Returns ids sealed with this key.
   *
   * @throws IllegalArgumentException when the key is shorter than {@value #MIN_KEY_BYTES} bytes
   */
  SealedIds(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "A session key needs at least "
              + MIN_KEY_BYTES
              + " bytes, got "
              + key.length
              + "; make one with: openssl rand -base64 32");
    }
    hmac = new HmacSha256(key);
  }

  /** Returns an id for {@code owner} that vouches for the session until {@code expiresAt}. */
  String mint(byte[] random, Instant expiresAt, String owner) {
    ByteBuffer body = ByteBuffer.allocate(RANDOM_BYTES + EXPIRY_BYTES + TAG_BYTES);
    body.put(random, 0, RANDOM_BYTES).putLong(expiresAt.getEpochSecond());
    body.put(tag(body.array(), owner));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
  }

  /**
   * Returns the expiry a sealed id was minted with, or empty when the id is not one this key minted
   * for {@code owner}.
   */
  Optional<Instant> verify(String id, String owner) {
    if (id.length() != LENGTH) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(id);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    byte[] expected = tag(bytes, owner);
    byte[] actual = new byte[TAG_BYTES];
    System.arraycopy(bytes, RANDOM_BYTES + EXPIRY_BYTES, actual, 0, TAG_BYTES);
    if (!MessageDigest.isEqual(expected, actual)) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(ByteBuffer.wrap(bytes, RANDOM_BYTES, 8).getLong()));
  }

  /** Returns the truncated tag over the id's random part, expiry and the owner. */
  private byte[] tag(byte[] idBytes, String owner) {
    byte[] full =
        hmac.tag(idBytes, 0, RANDOM_BYTES + EXPIRY_BYTES, owner.getBytes(StandardCharsets.UTF_8));
    byte[] tag = new byte[TAG_BYTES];
    System.arraycopy(full, 0, tag, 0, TAG_BYTES);
    return tag;
  }
}
