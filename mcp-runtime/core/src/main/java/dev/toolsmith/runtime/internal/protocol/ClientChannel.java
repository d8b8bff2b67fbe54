package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.InputRequest;
import java.util.List;

/**
 * A live link back to the client of one request, which only a transport that holds the request's
 * stream open can offer: it sends server-to-client requests ({@code elicitation/create}, {@code
 * sampling/createMessage}, {@code roots/list}) and waits for their answers, and it knows when the
 * client cancelled the request or went away.
 *
 * <p>Handshake-era (2025-11-25) clients answer input requests this way; 2026-07-28 clients answer
 * them by sending the request again ({@link CallInputs}), so a transport without a channel still
 * serves them.
 */
public interface ClientChannel {

  /**
   * Sends the requests to the client and waits for every answer.
   *
   * @return the results, in the order of the requests
   * @throws dev.toolsmith.runtime.ToolException when the client answered with an error, did not
   *     answer in time, or the link broke; its message says which
   * @throws ProtocolException {@link #cancelled()} when the request was cancelled while waiting
   */
  List<JsonNode> ask(List<InputRequest> requests);

  /**
   * Returns whether the client cancelled the request ({@code notifications/cancelled}) or went
   * away.
   */
  boolean isCancelled();

  /**
   * Returns what ends a run whose request was cancelled: the transport sends no response for it.
   */
  static ProtocolException cancelled() {
    return new CancelledSignal();
  }
}
