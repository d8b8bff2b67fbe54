package dev.toolsmith.runtime.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict UTF-8 before JSON: one text, one reading. */
class Utf8Test {
  @ParameterizedTest
  @CsvSource({
    "7b2261223a22c19f227d, byte 6 (0xc1) cannot begin a character", // overlong '_'
    "7b2261223a22e080af227d, byte 7 (0x80) does not continue", // overlong '/'
    "7b2261223a22eda080227d, byte 7 (0xa0) does not continue", // a UTF-16 surrogate
    "7b2261223a22f4908080227d, byte 7 (0x90) does not continue", // past U+10FFFF
    "7b2261223a22ff227d, byte 6 (0xff) cannot begin",
    "7b2261223a22e282, byte 6 (0xe2) begins a character the text ends before",
    "007b0022006100220020007d, byte 0 is 0x00, as in UTF-16 or UTF-32", // UTF-16BE
    "7b00000022000000, byte 1 is 0x00" // UTF-32LE
  })
  void badBytes_areRefused_sayingWhereAndWhy(String hex, String problem) {
    byte[] bytes = java.util.HexFormat.of().parseHex(hex);
    assertThatThrownBy(() -> Json.parse(bytes))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(problem);
  }

  @ParameterizedTest
  @CsvSource({
    "{\"city\":\"Zürich\"}",
    "{\"emoji\":\"😀\"}",
    "{\"cjk\":\"東京\"}",
    "{\"max\":\"\uDBFF\uDFFF\"}"
  })
  void validUtf8_inEveryLength_parses(String json) throws IOException {
    assertThat(Json.parse(json.getBytes(StandardCharsets.UTF_8)).toString()).isEqualTo(json);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain ASCII {\"a\":1}",
        "Zürich, 東京, 😀, \uDBFF\uDFFF",
        "a lone high \uD800 surrogate",
        "a lone low \uDC00 surrogate",
        "two highs \uD800\uD800 then a low \uDC00",
        "ends on a high \uD83D"
      })
  void encode_givesTheBytesStringGetBytesGives(String text) {
    char[] padded = ("<<" + text + ">>").toCharArray();

    byte[] encoded = Json.utf8(padded, 2, text.length());

    assertThat(encoded).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBadByte_isFoundAtEveryPosition_ofALongAsciiRun() {
    for (int bad : new int[] {0x00, 0x80, 0xc1, 0xff}) {
      for (int at = 0; at < 40; at++) {
        byte[] bytes = "x".repeat(48).getBytes(StandardCharsets.US_ASCII);
        bytes[at] = (byte) bad;

        assertThat(Utf8.problem(bytes)).as("0x%02x at %d", bad, at).contains("byte " + at + " ");
      }
    }
  }

  @Test
  void agreesWithTheJdksStrictDecoder_onRandomBytes_exceptThatZeroBytesAreRefused() {
    java.util.Random random = new java.util.Random(20261204L);
    byte[] alphabet =
        "aZ{}\"0".getBytes(StandardCharsets.US_ASCII); // mostly ASCII, some of every other kind
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] =
            random.nextInt(4) == 0
                ? (byte) random.nextInt(256)
                : alphabet[random.nextInt(alphabet.length)];
      }
      boolean jdk;
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes));
        jdk = true;
      } catch (java.nio.charset.CharacterCodingException e) {
        jdk = false;
      }
      boolean noZero = true;
      for (byte b : bytes) {
        noZero &= b != 0;
      }

      assertThat(Utf8.problem(bytes) == null)
          .as("%s", java.util.HexFormat.of().formatHex(bytes))
          .isEqualTo(jdk && noZero);
    }
  }

  @Test
  void onlyTheGivenLength_isChecked() {
    byte[] bytes = {'{', '}', (byte) 0xff};

    assertThat(Json.isUtf8(bytes, 2)).isTrue();
    assertThat(Json.isUtf8(bytes, 3)).isFalse();
  }
}
