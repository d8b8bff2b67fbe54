package dev.toolsmith.runtime.internal.http;

import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.ResponseStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The {@code GET} streams handshake-era sessions hold open for server notifications ({@code
 * notifications/tools/list_changed}, {@code notifications/resources/updated}), and the delivery of
 * those notifications to them. A stream gets a keep-alive comment at every interval, which keeps
 * proxies from closing it and notices a client that left; a failed write ends it.
 */
final class ServerEvents {
  private final ConcurrentHashMap<Stream, String> open = new ConcurrentHashMap<>();
  private final Duration keepAlive;
  private volatile boolean closed;

  ServerEvents(Duration keepAlive) {
    this.keepAlive = keepAlive;
  }

  /** One held {@code GET} stream. */
  private static final class Stream {
    private final ResponseStream out;
    private boolean ended;

    Stream(ResponseStream out) {
      this.out = out;
    }

    synchronized boolean write(byte[] chunk) {
      if (ended) {
        return false;
      }
      try {
        out.write(chunk);
        return true;
      } catch (IOException | RuntimeException e) {
        end();
        return false;
      }
    }

    synchronized void end() {
      if (!ended) {
        ended = true;
        notifyAll();
        try {
          out.close();
        } catch (IOException | RuntimeException e) {
          // The client is gone already.
        }
      }
    }

    synchronized boolean awaitEnd(long millis) throws InterruptedException {
      if (!ended) {
        wait(millis);
      }
      return ended;
    }
  }

  /**
   * Holds a session's {@code GET} stream until the client leaves or the server stops: returns only
   * then.
   */
  void hold(String sessionId, HttpExchange exchange, Map<String, String> headers)
      throws IOException {
    Stream stream = new Stream(exchange.stream(200, EventStreams.headers(headers)));
    open.put(stream, sessionId);
    try {
      if (!stream.write(EventStreams.KEEP_ALIVE)) {
        return;
      }
      while (!closed && !stream.awaitEnd(keepAlive.toMillis())) {
        stream.write(EventStreams.KEEP_ALIVE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(stream);
      stream.end();
    }
  }

  /**
   * Sends a notification to every held stream whose session the filter accepts.
   *
   * @return how many streams it reached
   */
  int send(byte[] notification, Predicate<String> sessions) {
    byte[] event = EventStreams.event(notification);
    int reached = 0;
    for (Map.Entry<Stream, String> entry : open.entrySet()) {
      if (sessions.test(entry.getValue()) && entry.getKey().write(event)) {
        reached++;
      }
    }
    return reached;
  }

  /** Ends every held stream, as the server stops. */
  void close() {
    closed = true;
    Set<Stream> streams = open.keySet();
    for (Stream stream : streams) {
      stream.end();
    }
  }
}
