package dev.toolsmith.examples.toolbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP requests to the toolbox, for what an SDK client hides: session ids, DELETE, bad
 * tokens.
 */
final class RawHttp {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
          + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  static final String INCREMENT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
          + "{\"name\":\"increment_counter\",\"arguments\":{}}}";

  private RawHttp() {}

  /** POSTs a JSON-RPC message with the given Authorization (or none) and session id (or none). */
  static HttpResponse<String> post(String url, String authorization, String sessionId, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (sessionId != null) {
      request.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", "2025-11-25");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> delete(String url, String authorization, String sessionId)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .header("Mcp-Session-Id", sessionId)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Initializes with the test token and returns the session id the server issued. */
  static String initialize(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = post(url, "Bearer " + Backends.TOKEN, null, INITIALIZE);
    if (response.statusCode() != 200) {
      throw new AssertionError("initialize: HTTP " + response.statusCode() + " " + response.body());
    }
    return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
  }

  /** Calls increment_counter in a session and returns the number it answered. */
  static int increment(String url, String sessionId) throws IOException, InterruptedException {
    HttpResponse<String> response = post(url, "Bearer " + Backends.TOKEN, sessionId, INCREMENT);
    JsonNode body = Json.parse(response.body());
    if (response.statusCode() != 200 || body.at("/result/isError").asBoolean()) {
      throw new AssertionError(
          "increment_counter: HTTP " + response.statusCode() + " " + response.body());
    }
    return Integer.parseInt(body.at("/result/content/0/text").asText());
  }
}
