package dev.toolsmith.bench.sdk;

import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The API Gateway HTTP API event handling both SDK peers share, written as a user of the SDK would:
 * read the body out of the event, and wrap the JSON-RPC response in the event response.
 */
final class ApiGatewayEvents {
  private ApiGatewayEvents() {}

  /** Returns the event's body: the JSON-RPC message. */
  @SuppressWarnings("unchecked")
  static String body(McpJsonMapper json, InputStream input) throws IOException {
    Map<String, Object> event = json.readValue(input.readAllBytes(), Map.class);
    return (String) event.get("body");
  }

  /**
   * Writes the event response: 200 with the JSON-RPC response, or 202 with no body for a
   * notification ({@code response == null}).
   */
  static void respond(McpJsonMapper json, Object response, OutputStream output) throws IOException {
    output.write(
        json.writeValueAsBytes(
            Map.of(
                "statusCode", response == null ? 202 : 200,
                "headers", Map.of("Content-Type", "application/json"),
                "body", response == null ? "" : json.writeValueAsString(response))));
  }
}
