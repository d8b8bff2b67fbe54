package dev.toolsmith.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.protocol.ErrorKind;
import dev.toolsmith.runtime.internal.protocol.ProtocolException;
import dev.toolsmith.runtime.internal.protocol.Reply;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON answers of the Streamable HTTP rules: refusals and JSON-RPC errors with a status. */
final class HttpRefusals {
  private HttpRefusals() {}

  /** Returns the HTTP status that answers a reply: 200 for results and in-band errors. */
  static int status(ErrorKind error) {
    if (error == null) {
      return 200;
    }
    switch (error) {
      case BAD_REQUEST:
        return 400;
      case NOT_FOUND:
        return 404;
      case FORBIDDEN:
        return 403;
      case TOO_MANY_REQUESTS:
        return 429;
      case UNAVAILABLE:
        return 503;
      default:
        return 200;
    }
  }

  /**
   * Quotes a header value a refusal names, when it is short printable ASCII; anything else (control
   * characters, other scripts, a long value) is described, not repeated, so a refusal never carries
   * what an attacker wants written into logs and clients.
   */
  static String quote(String value) {
    if (value.length() > 100) {
      return "a value of " + value.length() + " characters";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return "a value with characters that cannot be shown";
      }
    }
    return "'" + value + "'";
  }

  /** A transport-level refusal: the status and a JSON-RPC error without id (-32000). */
  static HttpResponse refuse(int status, String message, Map<String, String> headers) {
    ProtocolException error =
        new ProtocolException(
            ProtocolException.TRANSPORT_ERROR, ErrorKind.BAD_REQUEST, message, null);
    return jsonRpcError(status, Reply.error(null, error), headers);
  }

  static HttpResponse jsonRpcError(
      ProtocolException error, JsonNode id, Map<String, String> headers) {
    Map<String, String> all = headers;
    if (error.retryAfterSeconds() > 0) {
      all = new LinkedHashMap<>(headers);
      putRetryAfter(all, error);
    }
    return jsonRpcError(status(error.kind()), Reply.error(id, error), all);
  }

  /** Adds {@code Retry-After} for an error that says when to retry. */
  static void putRetryAfter(Map<String, String> headers, ProtocolException error) {
    if (error.retryAfterSeconds() > 0) {
      headers.put("Retry-After", Long.toString(error.retryAfterSeconds()));
    }
  }

  static HttpResponse jsonRpcError(int status, Reply reply, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", MediaTypes.JSON);
    return new HttpResponse(status, all, reply.json());
  }
}
