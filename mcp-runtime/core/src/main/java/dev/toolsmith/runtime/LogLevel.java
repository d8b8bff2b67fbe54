package dev.toolsmith.runtime;

/**
 * The severity of a log message a tool, prompt or resource sends the client, as MCP (and RFC 5424)
 * orders them, from least to most severe.
 */
public enum LogLevel {
  DEBUG,
  INFO,
  NOTICE,
  WARNING,
  ERROR,
  CRITICAL,
  ALERT,
  EMERGENCY;

  /** Returns the level as MCP writes it, such as {@code "info"}. */
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns the level MCP writes as {@code wire}, or {@code null} for anything else. */
  public static LogLevel fromWire(String wire) {
    for (LogLevel level : values()) {
      if (level.wire().equals(wire)) {
        return level;
      }
    }
    return null;
  }
}
