package dev.toolsmith.runtime;

/**
 * Thrown by a tool to report a failure the model should see and can act on.
 *
 * <p>The runtime turns it into a {@code CallToolResult} with {@code isError: true} whose text is
 * this exception's message, as MCP asks for tool execution errors. Any other exception a tool
 * throws is treated as unexpected: it is logged with a correlation id, and the client sees only
 * that id.
 *
 * <pre>{@code
 * if (city.isBlank()) {
 *   throw new ToolException("city must name a place, for example \"Lisbon\"");
 * }
 * }</pre>
 */
public class ToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message is shown to the model. */
  public ToolException(String message) {
    super(message);
  }

  /** Creates an exception whose message is shown to the model, keeping the cause for logs only. */
  public ToolException(String message, Throwable cause) {
    super(message, cause);
  }
}
