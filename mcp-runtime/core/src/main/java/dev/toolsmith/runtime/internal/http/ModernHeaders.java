package dev.toolsmith.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.internal.protocol.ErrorKind;
import dev.toolsmith.runtime.internal.protocol.JsonRpcMessage;
import dev.toolsmith.runtime.internal.protocol.McpEngine;
import dev.toolsmith.runtime.internal.protocol.ParamHeaders;
import dev.toolsmith.runtime.internal.protocol.ProtocolException;
import java.util.List;

/**
 * The 2026-07-28 rule that HTTP headers repeat what the body says: {@code MCP-Protocol-Version},
 * {@code Mcp-Method}, {@code Mcp-Name} for methods that name a tool, prompt, resource or task, and
 * an {@code Mcp-Param-{Name}} for each argument a tool declares with {@code x-mcp-header}.
 *
 * <p>Intermediaries route on these headers without reading the body, so a request whose headers
 * disagree with its body is refused (-32020, HTTP 400). Names are case-insensitive; values are
 * compared exactly after trimming surrounding whitespace, and {@code Mcp-Name} and {@code
 * Mcp-Param-*} values may be sent as {@code =?base64?...?=} ({@link HeaderValues}). An argument the
 * body leaves out (or sends as {@code null}) has no header. Checked by the HTTP rules before the
 * engine sees the message: the engine reads no headers.
 */
final class ModernHeaders {
  static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
  static final String METHOD = "Mcp-Method";
  static final String NAME = "Mcp-Name";

  private ModernHeaders() {}

  static void check(
      Headers headers, JsonRpcMessage.Request request, String version, ParamHeaders declared) {
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
          // The tasks extension routes its methods by task, so a task's requests reach its
          // instance.
          case "tasks/get", "tasks/update", "tasks/cancel" -> "taskId";
          default -> null;
        };
    if (nameField != null) {
      JsonNode value = request.params() == null ? null : request.params().get(nameField);
      if (value != null && value.isTextual()) {
        // A constant per field, so a request that passes builds no text for its error message.
        String place =
            switch (nameField) {
              case "name" -> "params.name";
              case "uri" -> "params.uri";
              default -> "params.taskId";
            };
        expect(headers, NAME, value.textValue(), place);
        if (nameField.equals("name") && request.method().equals("tools/call")) {
          checkParams(headers, request.params().get("arguments"), declared.of(value.textValue()));
        }
      }
    }
  }

  /** Each argument mirrored into a header must be in the header, with the body's value. */
  private static void checkParams(
      Headers headers, JsonNode arguments, List<ParamHeaders.ParamHeader> mirrored) {
    // Indexed, as a for-each would make an iterator for every call of every tool.
    for (int i = 0; i < mirrored.size(); i++) {
      ParamHeaders.ParamHeader param = mirrored.get(i);
      JsonNode argument = arguments == null ? null : arguments.get(param.property());
      String where = "arguments." + param.property();
      if (argument == null || argument.isNull()) {
        String sent = headers.first(param.header());
        if (sent != null) {
          throw mismatch(
              param.header()
                  + " header '"
                  + sent.trim()
                  + "' was sent, but the body has no "
                  + where
                  + ". Omit the header when the argument is left out or null.");
        }
        continue;
      }
      if (argument.isContainerNode()) {
        continue; // The processor only mirrors scalars; a container here fails the schema later.
      }
      expect(headers, param.header(), argument.asText(), where);
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
    String value = decode(header, raw);
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

  private static String decode(String header, String raw) {
    if (header.equals(PROTOCOL_VERSION) || header.equals(METHOD)) {
      return raw.trim();
    }
    try {
      return HeaderValues.decode(raw);
    } catch (IllegalArgumentException e) {
      throw mismatch(header + " header " + e.getMessage() + ".");
    }
  }

  private static ProtocolException mismatch(String message) {
    return new ProtocolException(
        ProtocolException.HEADER_MISMATCH, ErrorKind.BAD_REQUEST, message, null);
  }
}
