package dev.toolsmith.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Input from the client in the middle of a request, without holding a connection open: the
 * 2026-07-28 multi-round-trip request pattern.
 *
 * <p>Ask for what you need, and use the answer:
 *
 * <pre>{@code
 * @McpTool
 * String greet(RequestContext context) {
 *   JsonNode answer = context.inputs().get(InputRequest.elicitation("user_name", "What is your name?", nameSchema));
 *   return "Hello, " + answer.path("content").path("name").asText() + "!";
 * }
 * }</pre>
 *
 * <p>The first time, the client has not answered, so {@link #get} ends the run and the client
 * receives an {@code input_required} result asking for {@code user_name}. The client gets the
 * answer (from its user, its model or its roots) and sends the same request again with it; the
 * method runs again from the top, and this time {@code get} returns the answer. A method may ask in
 * several rounds; answers from earlier rounds are carried in the integrity-protected {@code
 * requestState}, so every round sees all of them. Code before an ask runs once per round: keep it
 * free of side effects.
 *
 * <p>Only clients that declared the capability a request needs are asked ({@code elicitation},
 * {@code sampling} or {@code roots}); asking any other fails the request with -32021.
 *
 * <p><b>Handshake-era (2025-11-25) clients</b> are asked the same way, with the same code: where
 * the transport holds the request's stream open (the Toolsmith HTTP server, the servlet adapter,
 * the local server), {@link #get} sends the client a server-to-client request on that stream and
 * waits for its answer, so the method runs once. Where it cannot (AWS Lambda answers each request
 * in one response), the call ends in a tool error that says the call needs a 2026-07-28 client or a
 * streaming deployment. An unanswered request times out into a tool error too.
 */
public interface Inputs {

  /**
   * Returns the client's answer to a request, or, when it has not answered yet, ends this run and
   * asks it.
   */
  JsonNode get(InputRequest request);

  /** Returns the answers to several requests by key, asking for every missing one at once. */
  Map<String, JsonNode> getAll(InputRequest... requests);

  /** Returns a value this call stored with {@link #putState} in an earlier round. */
  Optional<JsonNode> state(String key);

  /**
   * Stores a value for the rounds to come; it travels, integrity-protected, in the {@code
   * requestState} the client sends back.
   */
  void putState(String key, JsonNode value);
}
