package dev.toolsmith.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.protocol.JsonRpcMessage;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls whose streams this server holds open, so later POSTs can reach them: by the client's
 * request id, for {@code notifications/cancelled}, and by the id the server gave each
 * server-to-client request a call waits on, for the client's answer.
 *
 * <p>Every entry belongs to an owner, the caller's identity and session; a message from anyone else
 * finds nothing. Server request ids are 128 random bits, so they cannot be guessed either.
 */
final class HeldCalls {
  private final ConcurrentHashMap<LiveCall.Key, LiveCall> running = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Waiter> waiting = new ConcurrentHashMap<>();

  /** A call waiting for the answer to its {@code index}-th request. */
  private record Waiter(LiveCall call, int index, String owner) {}

  /** Records a running call under its owner and request id, for cancellation. */
  void started(LiveCall call) {
    running.put(call.key(), call);
  }

  /** Forgets a call that has answered. */
  void finished(LiveCall call) {
    running.remove(call.key(), call);
  }

  /**
   * Cancels the owner's running call with this request id, as {@code notifications/cancelled} asks.
   *
   * @return whether there was one
   */
  boolean cancel(String owner, JsonNode requestId) {
    LiveCall call = requestId == null ? null : running.get(new LiveCall.Key(owner, requestId));
    if (call == null) {
      return false;
    }
    call.cancel();
    return true;
  }

  /** Returns a fresh id for a server-to-client request, under which the answer will be awaited. */
  String await(LiveCall call, int index) {
    String id = "toolsmith-" + Ids.next();
    waiting.put(id, new Waiter(call, index, call.owner()));
    return id;
  }

  /** Stops waiting for an answer. */
  void forget(String id) {
    waiting.remove(id);
  }

  /**
   * Hands a client's response to the call waiting for it.
   *
   * @return whether a call of this owner was waiting for it
   */
  boolean answer(String owner, JsonRpcMessage.Response response) {
    JsonNode id = response.id();
    Waiter waiter = id != null && id.isTextual() ? waiting.get(id.textValue()) : null;
    if (waiter == null || !waiter.owner().equals(owner)) {
      return false;
    }
    waiting.remove(id.textValue(), waiter);
    waiter.call().answered(waiter.index(), response);
    return true;
  }

  /** Random ids, made lazily: only servers that ask clients for input pay for the generator. */
  private static final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    static String next() {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      return ENCODER.encodeToString(bytes);
    }
  }
}
