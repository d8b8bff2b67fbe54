package dev.toolsmith.runtime.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code text/event-stream} framing of JSON-RPC messages. */
final class EventStreams {
  private static final byte[] EVENT_START =
      "event: message\ndata: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

  /** A comment line: clients ignore it, proxies see traffic and keep the stream open. */
  static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

  private EventStreams() {}

  /** Returns one event carrying one JSON-RPC message. */
  static byte[] event(byte[] json) {
    byte[] event = new byte[EVENT_START.length + json.length + EVENT_END.length];
    System.arraycopy(EVENT_START, 0, event, 0, EVENT_START.length);
    System.arraycopy(json, 0, event, EVENT_START.length, json.length);
    System.arraycopy(EVENT_END, 0, event, EVENT_START.length + json.length, EVENT_END.length);
    return event;
  }

  /** Returns one body holding the notifications, then the response, each as an event. */
  static byte[] body(List<String> notifications, byte[] response) {
    ByteArrayOutputStream body =
        new ByteArrayOutputStream(response.length + 64 * (notifications.size() + 1));
    for (String notification : notifications) {
      body.writeBytes(event(notification.getBytes(StandardCharsets.UTF_8)));
    }
    body.writeBytes(event(response));
    return body.toByteArray();
  }

  /** Returns the headers of an event-stream response, after the ones given. */
  static Map<String, String> headers(Map<String, String> base) {
    Map<String, String> headers = new LinkedHashMap<>(base);
    headers.put("Content-Type", MediaTypes.EVENT_STREAM);
    headers.put("Cache-Control", "no-cache");
    headers.put("X-Accel-Buffering", "no");
    return headers;
  }
}
