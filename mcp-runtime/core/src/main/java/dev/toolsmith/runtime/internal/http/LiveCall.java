package dev.toolsmith.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.InputRequest;
import dev.toolsmith.runtime.NotificationSink;
import dev.toolsmith.runtime.ToolException;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.ResponseStream;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.internal.protocol.ClientChannel;
import dev.toolsmith.runtime.internal.protocol.JsonRpcMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One POSTed request whose response stream the server holds: notifications are written as they
 * happen, input requests go to the client as server-to-client requests on the stream, and the
 * response ends it. The stream is opened on the first event, so a call that sends none is answered
 * with plain JSON.
 *
 * <p>A failed write means the client went away, which cancels the call, as does {@code
 * notifications/cancelled}. While a call waits for an answer it writes a keep-alive comment at
 * every interval, which both keeps proxies from closing the stream and notices a client that left.
 */
final class LiveCall implements NotificationSink, ClientChannel {
  private final HttpExchange exchange;
  private final Map<String, String> cors;
  private final HeldCalls held;
  private final Key key;
  private final Duration answerTimeout;
  private final Duration keepAlive;
  private ResponseStream stream;
  private JsonRpcMessage.Response[] answers;
  private volatile boolean cancelled;

  LiveCall(
      HttpExchange exchange,
      Map<String, String> cors,
      HeldCalls held,
      String owner,
      JsonNode requestId,
      Duration answerTimeout,
      Duration keepAlive) {
    this.exchange = exchange;
    this.cors = cors;
    this.held = held;
    this.key = new Key(owner, requestId);
    this.answerTimeout = answerTimeout;
    this.keepAlive = keepAlive;
  }

  /** What names a running call: its caller and the id the caller gave it. */
  record Key(String owner, JsonNode requestId) {}

  Key key() {
    return key;
  }

  String owner() {
    return key.owner();
  }

  @Override
  public void send(String json) {
    write(EventStreams.event(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  /** Cancels the call: the client asked to, or went away. */
  synchronized void cancel() {
    cancelled = true;
    notifyAll();
  }

  @Override
  public List<JsonNode> ask(List<InputRequest> requests) {
    String[] ids = new String[requests.size()];
    synchronized (this) {
      answers = new JsonRpcMessage.Response[requests.size()];
    }
    try {
      for (int i = 0; i < requests.size(); i++) {
        ids[i] = held.await(this, i);
        if (!write(EventStreams.event(request(ids[i], requests.get(i))))) {
          throw ClientChannel.cancelled();
        }
      }
      JsonRpcMessage.Response[] got = awaitAnswers(requests);
      List<JsonNode> results = new ArrayList<>(got.length);
      for (int i = 0; i < got.length; i++) {
        results.add(result(requests.get(i), got[i]));
      }
      return results;
    } finally {
      for (String id : ids) {
        if (id != null) {
          held.forget(id);
        }
      }
    }
  }

  /** Takes the client's answer to the {@code index}-th request of the current ask. */
  synchronized void answered(int index, JsonRpcMessage.Response response) {
    if (answers != null && index < answers.length) {
      answers[index] = response;
      notifyAll();
    }
  }

  private synchronized JsonRpcMessage.Response[] awaitAnswers(List<InputRequest> requests) {
    long deadline = System.nanoTime() + answerTimeout.toNanos();
    long nextKeepAlive = System.nanoTime() + keepAlive.toNanos();
    while (true) {
      if (cancelled) {
        throw ClientChannel.cancelled();
      }
      if (Arrays.stream(answers).allMatch(answer -> answer != null)) {
        return answers.clone();
      }
      long now = System.nanoTime();
      if (now >= deadline) {
        throw new ToolException(
            "The client did not answer "
                + unanswered(requests)
                + " within "
                + answerTimeout.toSeconds()
                + " s, so the call stopped waiting. Answer sooner, or raise the server's "
                + "clientAnswerTimeout.");
      }
      if (now >= nextKeepAlive) {
        if (!writeLocked(EventStreams.KEEP_ALIVE)) {
          throw ClientChannel.cancelled();
        }
        nextKeepAlive = now + keepAlive.toNanos();
      }
      long waitNanos = Math.min(deadline, nextKeepAlive) - now;
      try {
        wait(Math.max(1, waitNanos / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelled = true;
      }
    }
  }

  private String unanswered(List<InputRequest> requests) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < answers.length; i++) {
      if (answers[i] == null) {
        names.add(requests.get(i).method() + " ('" + requests.get(i).key() + "')");
      }
    }
    return String.join(", ", names);
  }

  private static byte[] request(String id, InputRequest request) {
    ObjectNode message = Json.object();
    message.put("jsonrpc", "2.0");
    message.put("id", id);
    message.put("method", request.method());
    message.set("params", request.params());
    return Json.toBytes(message);
  }

  private static JsonNode result(InputRequest request, JsonRpcMessage.Response response) {
    if (response.error() != null) {
      JsonNode error = response.error();
      throw new ToolException(
          "The client refused "
              + request.method()
              + " ('"
              + request.key()
              + "'): "
              + error.path("message").asText("no message")
              + " (code "
              + error.path("code").asText("none")
              + ").");
    }
    if (response.result() == null || !response.result().isObject()) {
      throw new ToolException(
          "The client answered "
              + request.method()
              + " ('"
              + request.key()
              + "') with "
              + (response.result() == null ? "no result" : Json.preview(response.result()))
              + " instead of a result object.");
    }
    return response.result();
  }

  /** Writes a chunk, opening the stream first if needed; returns {@code false} once it failed. */
  private synchronized boolean write(byte[] chunk) {
    return writeLocked(chunk);
  }

  private boolean writeLocked(byte[] chunk) {
    if (cancelled) {
      return false;
    }
    try {
      if (stream == null) {
        stream = exchange.stream(200, EventStreams.headers(cors));
      }
      stream.write(chunk);
      return true;
    } catch (IOException | RuntimeException e) {
      cancel();
      return false;
    }
  }

  /**
   * Ends the exchange with the reply: as the stream's last event when the stream is open, else as
   * one JSON response. A cancelled call sends no reply, as the protocol asks, and just ends.
   *
   * @return {@code false} when the stream was not opened and the caller must answer
   */
  synchronized boolean finish(byte[] reply) {
    if (stream == null) {
      if (!cancelled) {
        return false;
      }
      try {
        exchange.stream(200, EventStreams.headers(cors)).close();
      } catch (IOException | RuntimeException e) {
        // The client is gone: nobody is left to tell.
      }
      return true;
    }
    try {
      if (!cancelled) {
        stream.write(EventStreams.event(reply));
      }
      stream.close();
    } catch (IOException | RuntimeException e) {
      cancelled = true;
    }
    return true;
  }
}
