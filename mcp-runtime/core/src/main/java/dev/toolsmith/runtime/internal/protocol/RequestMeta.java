package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.LogLevel;
import dev.toolsmith.runtime.internal.json.Json;

/**
 * Reads what a request says about how to answer it: the protocol version and log level a 2026-07-28
 * request names in its {@code _meta}, and a log level in either era.
 */
final class RequestMeta {
  private RequestMeta() {}

  /**
   * Returns the log level a modern request asked for in its {@code _meta}, or {@code null} for
   * none.
   */
  static LogLevel logLevel(JsonNode meta) {
    JsonNode level = meta.get(McpEngine.META_LOG_LEVEL);
    return level == null || level.isNull()
        ? null
        : requireLogLevel(level, "_meta[\"" + McpEngine.META_LOG_LEVEL + "\"]");
  }

  /** Returns the log level a value names, or fails with -32602 saying where and what is allowed. */
  static LogLevel requireLogLevel(JsonNode value, String where) {
    LogLevel level =
        value != null && value.isTextual() ? LogLevel.fromWire(value.textValue()) : null;
    if (level == null) {
      throw ProtocolException.invalidParams(
          where
              + " must be one of debug, info, notice, warning, error, critical, "
              + "alert, emergency"
              + (value == null ? "." : "; got " + Json.preview(value) + "."));
    }
    return level;
  }

  /** Returns a required string member of a request's {@code _meta}, or fails naming it. */
  static String requiredText(JsonNode meta, String field) {
    JsonNode value = meta == null ? null : meta.get(field);
    if (value == null || !value.isTextual()) {
      throw Refusals.missingMeta(field, "a string such as \"" + ProtocolVersions.MODERN + "\"");
    }
    return value.textValue();
  }
}
