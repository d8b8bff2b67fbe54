package dev.toolsmith.runtime.stdio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.InputRequest;
import dev.toolsmith.runtime.ToolException;
import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.internal.protocol.ClientChannel;
import dev.toolsmith.runtime.internal.protocol.ConnectionSession;
import dev.toolsmith.runtime.server.McpServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The requests of one stdio client, each run on its own thread as it arrives, so a slow tool does
 * not hold up {@code ping} or another call; at most {@value #MAX_IN_FLIGHT} run at once, and the
 * reader waits beyond that. Every line is written whole, a call's notifications before its
 * response. {@code notifications/cancelled} marks the call its client named as cancelled (its
 * {@code RequestContext.isCancelled()} says so) and its response is not sent, as the protocol asks.
 * The process is one client, so its calls share one session ({@link ConnectionSession}).
 */
final class StdioCalls {
  static final int MAX_IN_FLIGHT = 16;
  private static final long DRAIN_SECONDS = 30;

  private final McpServer server;
  private final Consumer<byte[]> writer;
  private final ConnectionSession connection = new ConnectionSession();
  private final Map<String, Call> running = new ConcurrentHashMap<>();
  private final Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
  private final ExecutorService threads = Executors.newCachedThreadPool(new Daemons());

  StdioCalls(McpServer server, Consumer<byte[]> writer) {
    this.server = server;
    this.writer = writer;
  }

  /** Takes one line: runs a request on its own thread, anything else at once. */
  void accept(byte[] line) {
    JsonNode message;
    try {
      message = Json.parse(line);
    } catch (IOException e) {
      answer(server.handleMessage(line, attributes(null), this::notify));
      return;
    }
    JsonNode method = message.path("method");
    if (method.isTextual() && method.textValue().equals("notifications/cancelled")) {
      Call call = running.get(key(message.path("params").path("requestId")));
      if (call != null) {
        call.cancelled = true;
      }
      return;
    }
    if (!method.isTextual() || !message.has("id")) {
      answer(server.handleMessage(message, attributes(null), this::notify));
      return;
    }
    String key = key(message.get("id"));
    Call call = new Call();
    slots.acquireUninterruptibly();
    running.put(key, call);
    threads.execute(
        () -> {
          try {
            byte[] reply = server.handleMessage(message, attributes(call), this::notify);
            if (!call.cancelled) {
              answer(reply);
            }
          } finally {
            running.remove(key, call);
            slots.release();
          }
        });
  }

  /** Waits (bounded) for the running calls to answer, once the client's input has ended. */
  void finish() {
    threads.shutdown();
    try {
      threads.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private TransportAttributes attributes(Call call) {
    return TransportAttributes.of(connection, call);
  }

  private void notify(String json) {
    writer.accept(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private void answer(byte[] reply) {
    if (reply != null) {
      writer.accept(reply);
    }
  }

  private static String key(JsonNode id) {
    return id == null || id.isMissingNode() ? "" : id.toString();
  }

  /** One running request, as the engine sees its client over stdio. */
  private static final class Call implements ClientChannel {
    volatile boolean cancelled;

    @Override
    public List<JsonNode> ask(List<InputRequest> requests) {
      throw new ToolException(
          "This tool asks the client for input, which this server does not yet relay to a "
              + "handshake-era client over stdio. Use a client that speaks 2026-07-28 (it answers "
              + "by sending the request again), or serve the tool over HTTP (toolsmith-server).");
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }
  }

  /**
   * Daemon threads, so a call still running cannot keep the process alive after its client left.
   */
  private static final class Daemons implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "toolsmith-stdio-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
