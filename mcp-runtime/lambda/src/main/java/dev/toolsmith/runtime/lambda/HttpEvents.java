package dev.toolsmith.runtime.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Translates API Gateway (REST and HTTP API), Function URL and ALB events into {@link
 * HttpRequest}s, and {@link HttpResponse}s back into the shape each expects. Translation only:
 * every rule lives in the Streamable HTTP layer.
 */
final class HttpEvents {
  private HttpEvents() {}

  /** Returns the event's shape, or {@code null} when it is not an HTTP event. */
  static EventShape shapeOf(JsonNode event) {
    JsonNode requestContext = event.get("requestContext");
    return EventShape.of(
        requestContext != null && requestContext.has("http"),
        event.has("httpMethod"),
        requestContext != null && requestContext.has("elb"),
        event.has("multiValueHeaders"));
  }

  static HttpRequest request(JsonNode event, EventShape shape, TransportAttributes lambda) {
    String method;
    String path;
    if (shape == EventShape.API_GATEWAY_V2) {
      JsonNode http = event.path("requestContext").path("http");
      method = http.path("method").asText("POST");
      path = event.path("rawPath").asText(http.path("path").asText("/"));
    } else {
      method = event.path("httpMethod").asText("POST");
      path = event.path("path").asText("/");
    }
    return new HttpRequest(
        method.toUpperCase(Locale.ROOT),
        path,
        headers(event),
        body(event),
        lambda.with(AuthorizerResult.of(event)));
  }

  /**
   * Reads headers from {@code multiValueHeaders} when the event has them (REST APIs send both, ALB
   * one or the other), else from {@code headers}.
   */
  private static Headers headers(JsonNode event) {
    Headers.Builder headers = Headers.builder();
    JsonNode multi = event.get("multiValueHeaders");
    if (multi != null && multi.isObject() && multi.size() > 0) {
      for (Map.Entry<String, JsonNode> header : multi.properties()) {
        for (JsonNode value : header.getValue()) {
          headers.add(header.getKey(), value.asText());
        }
      }
      return headers.build();
    }
    JsonNode single = event.get("headers");
    if (single != null && single.isObject()) {
      for (Map.Entry<String, JsonNode> header : single.properties()) {
        if (!header.getValue().isNull()) {
          headers.add(header.getKey(), header.getValue().asText());
        }
      }
    }
    return headers.build();
  }

  private static byte[] body(JsonNode event) {
    JsonNode body = event.get("body");
    return body(
        body == null || body.isNull() ? null : body.asText(),
        event.path("isBase64Encoded").asBoolean(false));
  }

  /** Returns an event's body as bytes: its text as UTF-8, or decoded when it is base64. */
  static byte[] body(String text, boolean base64) {
    return body(text == null ? null : text.getBytes(StandardCharsets.UTF_8), base64);
  }

  /**
   * As {@link #body(String, boolean)}, for the text already encoded as UTF-8. Base64 is ASCII, so
   * decoding its bytes decodes the text, and text that is not base64 fails to decode either way.
   */
  static byte[] body(byte[] utf8, boolean base64) {
    if (utf8 == null) {
      return new byte[0];
    }
    if (base64) {
      try {
        return Base64.getDecoder().decode(utf8);
      } catch (IllegalArgumentException e) {
        // A body that claims base64 but is not: hand its bytes to the rules, which reject it as
        // JSON.
        return utf8;
      }
    }
    return utf8;
  }

  /** Room for a response event's fields and headers beside its body; the buffer grows past it. */
  private static final int EVENT_OVERHEAD = 256;

  private static final byte[] STATUS = ascii("{\"statusCode\":");
  private static final byte[] DESCRIPTION = ascii(",\"statusDescription\":");
  private static final byte[] MULTI_VALUE_HEADERS = ascii(",\"multiValueHeaders\":{");
  private static final byte[] HEADERS = ascii(",\"headers\":{");
  private static final byte[] BODY = ascii("},\"body\":");
  private static final byte[] END = ascii(",\"isBase64Encoded\":false}");
  private static final byte[] COLON = ascii(":");
  private static final byte[] COMMA = ascii(",");
  private static final byte[] OPEN_ARRAY = ascii("[");
  private static final byte[] CLOSE_ARRAY = ascii("]");

  /**
   * Writes the response object the event's source expects to the invocation's output, the body
   * escaped from the response's UTF-8 bytes without a {@code String} in between ({@link
   * ResponseEvent}).
   */
  static void response(HttpResponse response, EventShape shape, OutputStream output)
      throws IOException {
    byte[] body = response.body();
    ResponseEvent event =
        new ResponseEvent(body.length + EVENT_OVERHEAD).raw(STATUS).number(response.status());
    if (shape == EventShape.ALB || shape == EventShape.ALB_MULTI_VALUE) {
      event.raw(DESCRIPTION).string(response.status() + " " + reason(response.status()));
    }
    boolean multiValue = shape == EventShape.ALB_MULTI_VALUE;
    event.raw(multiValue ? MULTI_VALUE_HEADERS : HEADERS);
    boolean first = true;
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      if (!first) {
        event.raw(COMMA);
      }
      first = false;
      event.string(header.getKey()).raw(COLON);
      if (multiValue) {
        event.raw(OPEN_ARRAY).string(header.getValue()).raw(CLOSE_ARRAY);
      } else {
        event.string(header.getValue());
      }
    }
    event.raw(BODY).string(body, 0, body.length).raw(END).writeTo(output);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static String reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 202:
        return "Accepted";
      case 204:
        return "No Content";
      case 400:
        return "Bad Request";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 405:
        return "Method Not Allowed";
      case 406:
        return "Not Acceptable";
      case 413:
        return "Payload Too Large";
      case 415:
        return "Unsupported Media Type";
      default:
        return status >= 500 ? "Server Error" : "Status";
    }
  }
}
