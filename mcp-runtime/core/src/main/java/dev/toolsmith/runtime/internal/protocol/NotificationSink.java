package dev.toolsmith.runtime.internal.protocol;

/**
 * Where the notifications a request produces go: buffered for one {@code text/event-stream} HTTP
 * body, or written straight to stdout by the stdio transport.
 */
@FunctionalInterface
public interface NotificationSink {

  /** A sink for transports that cannot carry notifications; they are dropped. */
  NotificationSink DISCARD = json -> {};

  /** Accepts one complete JSON-RPC notification as compact JSON text. */
  void send(String json);
}
