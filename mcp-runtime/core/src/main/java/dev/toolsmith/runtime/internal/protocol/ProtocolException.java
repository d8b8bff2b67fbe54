package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Objects;

/**
 * A request the server refuses at the protocol level: it becomes a JSON-RPC error with a code, a
 * message that says what was wrong and how to fix it, optional {@code data}, and its {@link
 * ErrorKind}, from which each transport picks its own answer (an HTTP status, say).
 *
 * <p>Tool execution failures are not protocol errors; they are {@code isError: true} results.
 * Instances carry no stack trace: they are expected outcomes, created on the request path.
 */
public class ProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Invalid JSON was received. */
  public static final int PARSE_ERROR = -32700;

  /** The JSON is not a valid JSON-RPC request. */
  public static final int INVALID_REQUEST = -32600;

  /** The method does not exist or is not served. */
  public static final int METHOD_NOT_FOUND = -32601;

  /** The method's parameters are invalid. */
  public static final int INVALID_PARAMS = -32602;

  /** An internal error. */
  public static final int INTERNAL_ERROR = -32603;

  /**
   * Resource not found, before 2026-07-28 (which uses {@link #INVALID_PARAMS} with {@code
   * data.uri}).
   */
  public static final int RESOURCE_NOT_FOUND = -32002;

  /**
   * A refusal outside JSON-RPC proper: forbidden origin, wrong HTTP method, media type, size,
   * scope.
   */
  public static final int TRANSPORT_ERROR = -32000;

  /** An HTTP header disagrees with the body, or a required header is missing (2026-07-28). */
  public static final int HEADER_MISMATCH = -32020;

  /** The request needs a client capability the client did not declare (2026-07-28). */
  public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;

  /** The protocol version is not one this server implements (2026-07-28). */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  private final int code;
  private final transient JsonNode data;
  private final ErrorKind kind;
  private final long retryAfterSeconds;

  /**
   * Returns a protocol error.
   *
   * @param code the JSON-RPC error code
   * @param kind what kind of refusal it is, for the transport
   * @param message what was wrong and how to fix it
   * @param data the error's {@code data} member, or {@code null}
   */
  public ProtocolException(int code, ErrorKind kind, String message, JsonNode data) {
    this(code, kind, message, data, 0);
  }

  /**
   * Returns a protocol error that the client may retry after a while, which HTTP says with {@code
   * Retry-After}.
   *
   * @param retryAfterSeconds how long to wait before retrying; 0 when retrying will not help
   */
  public ProtocolException(
      int code, ErrorKind kind, String message, JsonNode data, long retryAfterSeconds) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.code = code;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.data = data;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Returns a -32600 Invalid Request error, a {@link ErrorKind#BAD_REQUEST}. */
  public static ProtocolException invalidRequest(String message) {
    return new ProtocolException(INVALID_REQUEST, ErrorKind.BAD_REQUEST, message, null);
  }

  /**
   * Returns a -32700 Parse error (HTTP 400) for input that is not JSON, quoting the first line of
   * the parser's message.
   *
   * @param subject what was read, for example "The body"
   */
  public static ProtocolException parseError(String subject, IOException cause) {
    String message = cause.getMessage() == null ? "unreadable input" : cause.getMessage();
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    if (line.endsWith(".")) {
      line = line.substring(0, line.length() - 1);
    }
    return new ProtocolException(
        PARSE_ERROR, ErrorKind.BAD_REQUEST, subject + " is not valid JSON: " + line + ".", null);
  }

  /** Returns a -32602 Invalid params error, answered in band like any response. */
  public static ProtocolException invalidParams(String message) {
    return new ProtocolException(INVALID_PARAMS, ErrorKind.IN_BAND, message, null);
  }

  /** Returns the JSON-RPC error code. */
  public int code() {
    return code;
  }

  /** Returns the error's {@code data} member, or {@code null}. */
  public JsonNode data() {
    return data;
  }

  /** Returns how long the client should wait before retrying, in seconds; 0 for no hint. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Returns what kind of refusal this is, from which a transport picks its answer. */
  public ErrorKind kind() {
    return kind;
  }
}
