package dev.toolsmith.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolsmith.runtime.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Response events are written as Jackson's generator wrote UTF-8 text, byte for byte, and read back
 * as the text they were given.
 */
class ResponseEventTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void randomTextIsEscapedExactlyAsJacksonEscapesIt() throws IOException {
    Random random = new Random(7);
    for (int round = 0; round < 2000; round++) {
      String text = randomText(random);
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);

      assertThat(written(new ResponseEvent(16).string(text))).isEqualTo(jackson(utf8));
      assertThat(written(new ResponseEvent(16).string(utf8, 0, utf8.length)))
          .isEqualTo(jackson(utf8));
      assertThat(JSON.readTree(written(new ResponseEvent(16).string(text))).textValue())
          .isEqualTo(text);
    }
  }

  @Test
  void aLongBody_growsTheBuffer_andStaysWhole() throws IOException {
    String text = "\"quoted\"\n".repeat(20_000);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);

    assertThat(written(new ResponseEvent(16).string(utf8, 0, utf8.length)))
        .isEqualTo(jackson(utf8));
    assertThat(written(new ResponseEvent(16).string(text))).isEqualTo(jackson(utf8));
    String late = "\"\\".repeat(5_000) + "\u00e9";
    assertThat(written(new ResponseEvent(16).string(late)))
        .isEqualTo(jackson(late.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyShape_parsesBackToTheResponse() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("WWW-Authenticate", "Bearer error=\"invalid_token\", resource_metadata=\"x\"");
    HttpResponse response =
        new HttpResponse(
            401, headers, "{\"error\":\"caf\u00e9\\n\"}".getBytes(StandardCharsets.UTF_8));
    for (EventShape shape : EventShape.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      HttpEvents.response(response, shape, out);
      JsonNode event = JSON.readTree(out.toByteArray());

      assertThat(event.path("statusCode").asInt()).isEqualTo(401);
      assertThat(event.path("body").asText()).isEqualTo(response.bodyText());
      assertThat(event.path("isBase64Encoded").asBoolean(true)).isFalse();
      JsonNode written =
          shape == EventShape.ALB_MULTI_VALUE
              ? event.path("multiValueHeaders")
              : event.path("headers");
      for (Map.Entry<String, String> header : headers.entrySet()) {
        JsonNode value = written.path(header.getKey());
        assertThat(shape == EventShape.ALB_MULTI_VALUE ? value.path(0).asText() : value.asText())
            .isEqualTo(header.getValue());
      }
      if (shape == EventShape.ALB || shape == EventShape.ALB_MULTI_VALUE) {
        assertThat(event.path("statusDescription").asText()).isEqualTo("401 Status");
      }
    }
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0 -> text.append((char) random.nextInt(0x20));
        case 1 -> text.append("\"\\/\u007f".charAt(random.nextInt(4)));
        case 2 -> text.append((char) (0xA0 + random.nextInt(0x2000)));
        case 3 -> text.appendCodePoint(0x1F300 + random.nextInt(200));
        default -> text.append((char) (0x20 + random.nextInt(0x5F)));
      }
    }
    return text.toString();
  }

  private static String written(ResponseEvent event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    event.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What the generator this replaced wrote: UTF-8 passed through, the rest escaped. */
  private static String jackson(byte[] utf8) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = JSON.getFactory().createGenerator(out)) {
      gen.writeUTF8String(utf8, 0, utf8.length);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
