package dev.toolsmith.examples.board;

import dev.toolsmith.annotations.McpScopes;
import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.ToolException;
import java.sql.SQLException;
import java.util.List;

/**
 * The message board's tools. Who posts is the verified caller, never an argument: a model cannot
 * post as someone else. Each tool needs its own OAuth scope.
 */
public final class BoardTools {
  /** The scope {@code get_messages} needs. */
  public static final String READ = "messages:read";

  /** The scope {@code post_message} needs. */
  public static final String WRITE = "messages:write";

  static final int MAX_TEXT = 4000;
  private static final int LATEST = 20;

  private final MessageStore messages;

  public BoardTools(MessageStore messages) {
    this.messages = messages;
  }

  /**
   * Post a message to the board, as the signed-in user.
   *
   * @param text the message, up to 4000 characters
   */
  @McpScopes(WRITE)
  @McpTool(destructive = false, idempotent = false)
  public String postMessage(String text, Identity author) {
    if (text == null || text.isBlank()) {
      throw new ToolException("The message is empty; write something to post.");
    }
    if (text.length() > MAX_TEXT) {
      throw new ToolException(
          "The message has "
              + text.length()
              + " characters; the board takes up to "
              + MAX_TEXT
              + ".");
    }
    try {
      long id = messages.post(author.subject(), text.strip());
      return "Posted message " + id + " as " + author.subject() + ".";
    } catch (SQLException e) {
      throw unavailable("post the message", e);
    }
  }

  /** Get the 20 most recent messages on the board, newest first. */
  @McpScopes(READ)
  @McpTool(readOnly = true)
  public List<Message> getMessages() {
    try {
      return messages.latest(LATEST);
    } catch (SQLException e) {
      throw unavailable("read the messages", e);
    }
  }

  /** The database failed: say so without its details, and log them for the operator. */
  private static ToolException unavailable(String what, SQLException e) {
    System.getLogger(BoardTools.class.getName())
        .log(System.Logger.Level.ERROR, "Could not " + what, e);
    return new ToolException(
        "The board could not "
            + what
            + " because its database is not reachable right now; try "
            + "again shortly.");
  }
}
