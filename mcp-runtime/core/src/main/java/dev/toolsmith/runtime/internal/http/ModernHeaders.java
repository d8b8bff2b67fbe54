package dev.toolsmith.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.internal.protocol.ErrorKind;
import dev.toolsmith.runtime.internal.protocol.JsonRpcMessage;
import dev.toolsmith.runtime.internal.protocol.McpEngine;
import dev.toolsmith.runtime.internal.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The 2026-07-28 rule that HTTP headers repeat what the body says: {@code MCP-Protocol-Version},
 * {@code Mcp-Method}, and {@code Mcp-Name} for methods that name a tool, prompt or resource.
 *
 * <p>Intermediaries route on these headers without reading the body, so a request whose headers
 * disagree with its body is refused (-32020, HTTP 400). Names are case-insensitive; values are
 * compared exactly after trimming surrounding whitespace, and {@code Mcp-Name} may be sent as
 * {@code =?base64?...?=} for names that are not plain ASCII. Checked by the HTTP rules before the
 * engine sees the message: the engine reads no headers.
 */
final class ModernHeaders {
  static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
  static final String METHOD = "Mcp-Method";
  static final String NAME = "Mcp-Name";

  private ModernHeaders() {}

  static void check(Headers headers, JsonRpcMessage.Request request, String version) {
    expect(
        headers,
        PROTOCOL_VERSION,
        version,
        "params._meta[\"" + McpEngine.META_PROTOCOL_VERSION + "\"]");
    expect(headers, METHOD, request.method(), "the JSON-RPC method");
    String nameField =
        switch (request.method()) {
          case "tools/call", "prompts/get" -> "name";
          case "resources/read" -> "uri";
          default -> null;
        };
    if (nameField != null) {
      JsonNode value = request.params() == null ? null : request.params().get(nameField);
      if (value != null && value.isTextual()) {
        expect(headers, NAME, value.textValue(), "params." + nameField);
      }
    }
  }

  private static void expect(Headers headers, String header, String bodyValue, String bodyPlace) {
    String raw = headers.first(header);
    if (raw == null) {
      throw mismatch(
          "Missing "
              + header
              + " header. 2026-07-28 requests send it with the value of "
              + bodyPlace
              + " ('"
              + bodyValue
              + "').");
    }
    String value = decode(header, raw.trim());
    if (!value.equals(bodyValue)) {
      throw mismatch(
          header
              + " header '"
              + value
              + "' does not match "
              + bodyPlace
              + " '"
              + bodyValue
              + "'. Send the same value in both.");
    }
  }

  private static String decode(String header, String value) {
    if (NAME.equals(header) && value.startsWith("=?base64?") && value.endsWith("?=")) {
      String encoded = value.substring("=?base64?".length(), value.length() - 2);
      try {
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw mismatch(
            header + " header '" + value + "' is not valid base64 between =?base64? and ?=.");
      }
    }
    return value;
  }

  private static ProtocolException mismatch(String message) {
    return new ProtocolException(
        ProtocolException.HEADER_MISMATCH, ErrorKind.BAD_REQUEST, message, null);
  }
}
