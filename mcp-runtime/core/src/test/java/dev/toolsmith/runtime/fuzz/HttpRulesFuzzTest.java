package dev.toolsmith.runtime.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.CounterPack;
import dev.toolsmith.runtime.testing.EchoPack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The Streamable HTTP rules against any method, headers and body, authenticated or not: every
 * request gets an answer, no answer is a 500, and every body is JSON with no Java class or stack
 * frame in it.
 */
class HttpRulesFuzzTest {
  private static final String TOKEN = "fuzz-token-0123456789";
  private static final String[] METHODS = {
    "POST", "GET", "DELETE", "OPTIONS", "PUT", "HEAD", "P0ST"
  };
  private static final String[] NAMES = {
    "Content-Type",
    "Accept",
    "Authorization",
    "Origin",
    "MCP-Protocol-Version",
    "Mcp-Session-Id",
    "Mcp-Method",
    "Mcp-Name",
    "Content-Length"
  };
  private static final Set<Integer> STATUSES =
      Set.of(200, 202, 204, 400, 401, 403, 404, 405, 406, 413, 415, 429, 503);

  private static final McpServer OPEN =
      McpServer.builder()
          .name("fuzz")
          .tools(new EchoPack(), new CounterPack())
          .discoverTools(false)
          .maxSessions(200)
          .build();
  private static final McpServer GUARDED =
      McpServer.builder()
          .name("fuzz")
          .tools(new EchoPack(), new CounterPack())
          .discoverTools(false)
          .maxSessions(200)
          .auth(BearerTokenAuthenticator.of(TOKEN))
          .build();

  private static boolean namesInternals(String text) {
    return text.contains("Exception") || text.contains("\tat ") || text.contains("dev.toolsmith.");
  }

  @FuzzTest(maxDuration = "30s")
  void anyRequest_getsAJsonAnswerThatIsNeverA500(FuzzedDataProvider data) throws IOException {
    McpServer server = data.consumeBoolean() ? GUARDED : OPEN;
    String method = data.pickValue(METHODS);
    Headers.Builder headers = Headers.builder();
    StringBuilder values = new StringBuilder();
    int count = data.consumeInt(0, 8);
    for (int i = 0; i < count; i++) {
      String name = data.pickValue(NAMES);
      String value =
          switch (data.consumeInt(0, 3)) {
            case 0 -> "application/json";
            case 1 -> "application/json, text/event-stream";
            case 2 -> "Bearer " + TOKEN;
            default -> data.consumeString(80);
          };
      headers.add(name, value);
      values.append(value).append('\n');
    }
    byte[] body = data.consumeRemainingAsBytes();
    Headers sent = headers.build();
    HttpResponse response = server.handle(HttpRequest.of(method, "/mcp", sent, body));
    if (!STATUSES.contains(response.status())) {
      throw new AssertionError(
          "Unexpected status " + response.status() + ": " + response.bodyText());
    }
    byte[] answer = response.body();
    if (answer == null || answer.length == 0) {
      return;
    }
    String text = new String(answer, StandardCharsets.UTF_8);
    if (response.header("Content-Type").startsWith("text/event-stream")) {
      return;
    }
    Json.parse(answer);
    // Refusals may quote short printable header values, so internals only count when the
    // request did not carry the same words.
    if (namesInternals(text)
        && !namesInternals(values + new String(body, StandardCharsets.UTF_8))) {
      throw new AssertionError("A body names Java internals: " + text);
    }
  }
}
