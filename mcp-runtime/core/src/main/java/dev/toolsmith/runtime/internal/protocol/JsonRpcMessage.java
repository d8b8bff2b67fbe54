package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;

/**
 * One JSON-RPC 2.0 message a client sent: a request, a notification, or a response to something the
 * server asked.
 */
public sealed interface JsonRpcMessage {

  /** Returns the method, or {@code null} for a response. */
  String method();

  /** A request: it has an id and expects exactly one response. */
  record Request(JsonNode id, String method, ObjectNode params) implements JsonRpcMessage {

    /** Returns a member of the params, or {@code null} when it or the params are absent. */
    JsonNode param(String name) {
      return params == null ? null : params.get(name);
    }

    /** Returns a required string member of the params, or fails with -32602 naming it. */
    String requiredText(String name) {
      JsonNode value = param(name);
      if (value == null || !value.isTextual()) {
        throw ProtocolException.invalidParams(
            method
                + " needs \"params."
                + name
                + "\" as a string"
                + (value == null ? "." : ", got " + Json.preview(value) + "."));
      }
      return value.textValue();
    }

    /** Returns the {@code cursor} of a list request, or {@code null} for the first page. */
    String cursor() {
      JsonNode cursor = param("cursor");
      if (cursor != null && !cursor.isNull() && !cursor.isTextual()) {
        throw ProtocolException.invalidParams(
            "\"cursor\" must be a string: the nextCursor of a previous " + method + " result.");
      }
      return cursor == null || cursor.isNull() ? null : cursor.textValue();
    }
  }

  /** A notification: no id, no response. */
  record Notification(String method, ObjectNode params) implements JsonRpcMessage {}

  /**
   * A client's response to a server-to-client request (handshake era): the transport that asked
   * hands it to the waiting call.
   *
   * @param id the id the server gave its request
   * @param result the result, or {@code null} when the client answered with an error
   * @param error the error object, or {@code null} for a result
   */
  record Response(JsonNode id, JsonNode result, JsonNode error) implements JsonRpcMessage {
    @Override
    public String method() {
      return null;
    }
  }

  /**
   * Reads a parsed JSON value as a JSON-RPC message.
   *
   * @throws ProtocolException -32600 (HTTP 400) naming the first rule the value breaks
   */
  public static JsonRpcMessage decode(JsonNode json) {
    if (json.isArray()) {
      throw ProtocolException.invalidRequest(
          "JSON-RPC batches are not supported: MCP removed them in 2025-06-18. Send one message per request.");
    }
    if (!json.isObject()) {
      throw ProtocolException.invalidRequest(
          "Expected a JSON-RPC message (a JSON object with \"jsonrpc\": \"2.0\"), got "
              + json.getNodeType().name().toLowerCase()
              + ".");
    }
    JsonNode version = json.get("jsonrpc");
    if (version == null || !"2.0".equals(version.textValue())) {
      throw ProtocolException.invalidRequest("\"jsonrpc\" must be \"2.0\".");
    }
    JsonNode id = json.get("id");
    if (id != null && !(id.isTextual() || id.isIntegralNumber())) {
      throw ProtocolException.invalidRequest(
          "\"id\" must be a string or an integer, got "
              + id.getNodeType().name().toLowerCase()
              + ".");
    }
    JsonNode method = json.get("method");
    if (method == null) {
      if (id != null && (json.has("result") || json.has("error"))) {
        return new Response(id, json.get("result"), json.get("error"));
      }
      throw ProtocolException.invalidRequest("A JSON-RPC request needs a \"method\" string.");
    }
    if (!method.isTextual() || method.textValue().isEmpty()) {
      throw ProtocolException.invalidRequest("\"method\" must be a non-empty string.");
    }
    JsonNode params = json.get("params");
    if (params != null && !params.isObject() && !params.isNull()) {
      throw ProtocolException.invalidRequest(
          "\"params\" must be an object in MCP, got "
              + params.getNodeType().name().toLowerCase()
              + ".");
    }
    ObjectNode paramsObject = params instanceof ObjectNode object ? object : null;
    return id == null
        ? new Notification(method.textValue(), paramsObject)
        : new Request(id, method.textValue(), paramsObject);
  }
}
