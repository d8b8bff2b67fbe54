package dev.toolsmith.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The HMAC behind sealed ids, against RFC 4231's test vectors and the JDK's own {@code Mac}. */
class HmacSha256Test {
  private static final HexFormat HEX = HexFormat.of();

  private static String tag(byte[] key, byte[] data) {
    return HEX.formatHex(new HmacSha256(key).tag(data, 0, data.length, new byte[0]));
  }

  @Test
  void rfc4231_case1_shortKey() {
    byte[] key = new byte[20];
    java.util.Arrays.fill(key, (byte) 0x0b);
    assertThat(tag(key, "Hi There".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  }

  @Test
  void rfc4231_case2_keyShorterThanTheTag() {
    assertThat(
            tag(
                "Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void rfc4231_case6_keyLongerThanABlock_isHashedFirst() {
    byte[] key = new byte[131];
    java.util.Arrays.fill(key, (byte) 0xaa);
    assertThat(
            tag(
                key,
                "Test Using Larger Than Block-Size Key - Hash Key First"
                    .getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  }

  @Test
  void agreesWithTheJdksMac_onRandomKeysAndMessages_splitAnywhere() throws Exception {
    Random random = new Random(20261204L);
    for (int i = 0; i < 500; i++) {
      byte[] key = new byte[1 + random.nextInt(150)];
      byte[] message = new byte[random.nextInt(300)];
      random.nextBytes(key);
      random.nextBytes(message);
      int split = message.length == 0 ? 0 : random.nextInt(message.length + 1);
      byte[] rest = java.util.Arrays.copyOfRange(message, split, message.length);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));

      assertThat(new HmacSha256(key).tag(message, 0, split, rest))
          .as("key of %d bytes, message of %d split at %d", key.length, message.length, split)
          .isEqualTo(mac.doFinal(message));
    }
  }
}
