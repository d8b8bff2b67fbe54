package dev.toolsmith.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.http.ResponseStream;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One POST handed to the server as a streaming adapter would hand it: a response may be one write
 * or an event stream, whose events are read as they are written, so a server-to-client request on a
 * held stream is answered while the call waits.
 */
final class TestExchange implements HttpExchange {
  private final Headers headers;
  private final byte[] body;
  private final Consumer<JsonNode> onServerRequest;
  private final List<JsonNode> events = new ArrayList<>();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private int status;
  private byte[] plainBody;

  /**
   * @param onServerRequest called, on the server's thread, with each server-to-client request the
   *     stream carries; it must not block
   */
  TestExchange(Headers headers, byte[] body, Consumer<JsonNode> onServerRequest) {
    this.headers = headers;
    this.body = body;
    this.onServerRequest = onServerRequest;
  }

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public String path() {
    return "/mcp";
  }

  @Override
  public Headers headers() {
    return headers;
  }

  @Override
  public long contentLength() {
    return body.length;
  }

  @Override
  public byte[] readBody(int limit) {
    return body.length > limit ? null : body;
  }

  @Override
  public void respond(HttpResponse response) {
    status = response.status();
    plainBody = response.body() == null ? new byte[0] : response.body();
  }

  @Override
  public ResponseStream stream(int status, Map<String, String> headers) {
    this.status = status;
    return new ResponseStream() {
      @Override
      public void write(byte[] chunk) {
        received(chunk);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public boolean streams() {
    return true;
  }

  int status() {
    return status;
  }

  /**
   * Returns the JSON-RPC messages the response carried, in order: notifications, server-to-client
   * requests and, last, the response; one message for a plain JSON response, none for 202.
   */
  synchronized List<JsonNode> messages() {
    if (plainBody == null) {
      return List.copyOf(events);
    }
    String text = new String(plainBody, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return List.of();
    }
    try {
      return List.of(Json.parse(text));
    } catch (IOException e) {
      throw new AssertionError("The server answered HTTP " + status + " with no JSON: " + text, e);
    }
  }

  /** Takes a chunk of the event stream; every complete event in it is read now. */
  private synchronized void received(byte[] chunk) {
    pending.writeBytes(chunk);
    String text = pending.toString(StandardCharsets.UTF_8);
    int end;
    while ((end = text.indexOf("\n\n")) >= 0) {
      String event = text.substring(0, end);
      text = text.substring(end + 2);
      JsonNode message = data(event);
      if (message != null) {
        events.add(message);
        if (message.has("method") && message.has("id")) {
          onServerRequest.accept(message);
        }
      }
    }
    pending.reset();
    pending.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the JSON of an event's data lines, or null for a comment such as a keep-alive. */
  private static JsonNode data(String event) {
    StringBuilder data = new StringBuilder();
    for (String line : event.split("\n")) {
      if (line.startsWith("data:")) {
        data.append(line.substring("data:".length()).strip());
      }
    }
    if (data.length() == 0) {
      return null;
    }
    try {
      return Json.parse(data.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("The server sent an event that is not JSON: " + event, e);
    }
  }
}
