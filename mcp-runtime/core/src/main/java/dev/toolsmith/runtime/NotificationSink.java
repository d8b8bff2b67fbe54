package dev.toolsmith.runtime;

/**
 * Where the notifications a request produces (progress, log messages) go, for transports that call
 * {@link dev.toolsmith.runtime.server.McpServer#handleMessage(byte[], TransportAttributes,
 * NotificationSink)}: the stdio transport writes each straight to stdout, in order, before the
 * response; the Streamable HTTP rules buffer them for one {@code text/event-stream} body.
 */
@FunctionalInterface
public interface NotificationSink {

  /** A sink for transports that cannot carry notifications; they are dropped. */
  NotificationSink DISCARD = json -> {};

  /** Accepts one complete JSON-RPC notification as compact JSON text. */
  void send(String json);
}
