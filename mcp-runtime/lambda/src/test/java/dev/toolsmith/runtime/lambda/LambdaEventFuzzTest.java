package dev.toolsmith.runtime.lambda;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.test.lambda.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;

/**
 * Any event bytes: an HTTP-shaped event always gets an HTTP event response (never an invocation
 * error, never a 500), a JSON-RPC message a JSON-RPC answer, and anything else is refused with a
 * message saying what the handler serves. The committed inputs start from the recorded events.
 */
class LambdaEventFuzzTest {
  private static final McpLambdaHandler HANDLER = new LambdaEventsTest.EchoHandler();
  private static final Set<Integer> STATUSES =
      Set.of(200, 202, 204, 400, 401, 403, 404, 405, 406, 413, 415, 429, 503);

  @FuzzTest(maxDuration = "30s")
  void anyEvent_isAnsweredInItsShape_orRefusedWithAReason(byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      HANDLER.handleRequest(new ByteArrayInputStream(event), out, TestContext.plain());
    } catch (IOException | IllegalArgumentException refused) {
      if (refused.getMessage() == null || refused.getMessage().isBlank()) {
        throw new AssertionError("A refused event must say why", refused);
      }
      return;
    }
    if (out.size() == 0) {
      return;
    }
    JsonNode answer = Json.parse(out.toByteArray());
    if (answer.has("statusCode") && !STATUSES.contains(answer.path("statusCode").asInt())) {
      throw new AssertionError("Unexpected status in " + answer);
    }
  }
}
