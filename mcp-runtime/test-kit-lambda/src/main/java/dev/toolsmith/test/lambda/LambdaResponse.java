package dev.toolsmith.test.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * What a Lambda handler returned for one invocation: for an HTTP event its status, headers and body
 * (decoded when Base64-encoded), in whichever response shape the event's service expects.
 */
public final class LambdaResponse {
  private final JsonNode raw;

  private LambdaResponse(JsonNode raw) {
    this.raw = raw;
  }

  /**
   * Invokes the handler with an HTTP event and a {@linkplain TestContext#plain() plain} context.
   */
  public static LambdaResponse invoke(RequestStreamHandler handler, HttpEvent event) {
    return invoke(handler, event.toJson(), TestContext.plain());
  }

  /**
   * Invokes the handler with any event JSON and context, as the Lambda runtime does: the event as
   * the input stream, the response read from the output stream.
   *
   * @throws AssertionError when the handler's output is not JSON
   */
  public static LambdaResponse invoke(RequestStreamHandler handler, String event, Context context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
      return new LambdaResponse(Json.parse(out.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the whole response: the HTTP-shaped object for an HTTP event, or the result itself for
   * a direct invocation such as an AgentCore Gateway target's.
   */
  public JsonNode raw() {
    return raw;
  }

  /** Returns the HTTP status, or -1 when the response is not HTTP-shaped. */
  public int statusCode() {
    return raw.path("statusCode").asInt(-1);
  }

  /**
   * Returns a header of the response by its name in any case, from {@code headers} or, for a
   * multi-value ALB or REST API response, the first of {@code multiValueHeaders}; {@code null} when
   * there is none.
   */
  public String header(String name) {
    for (Map.Entry<String, JsonNode> header : raw.path("headers").properties()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue().asText();
      }
    }
    for (Map.Entry<String, JsonNode> header : raw.path("multiValueHeaders").properties()) {
      if (header.getKey().equalsIgnoreCase(name) && header.getValue().size() > 0) {
        return header.getValue().get(0).asText();
      }
    }
    return null;
  }

  /** Returns the body as text, decoded when the response says it is Base64-encoded. */
  public String body() {
    String body = raw.path("body").asText("");
    return raw.path("isBase64Encoded").asBoolean(false)
        ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8)
        : body;
  }

  /**
   * Returns the body as JSON; for an event-stream body, the last event's data, which is the
   * JSON-RPC response.
   *
   * @throws AssertionError when the body is not JSON
   */
  public JsonNode bodyJson() {
    String body = body();
    if (body.startsWith("event:") || body.startsWith("data:")) {
      String last = "";
      for (String line : body.split("\n")) {
        if (line.startsWith("data:")) {
          last = line.substring("data:".length()).strip();
        }
      }
      body = last;
    }
    try {
      return Json.parse(body);
    } catch (IOException e) {
      throw new AssertionError(
          "HTTP " + statusCode() + " with a body that is not JSON: " + body, e);
    }
  }

  @Override
  public String toString() {
    return raw.toString();
  }
}
