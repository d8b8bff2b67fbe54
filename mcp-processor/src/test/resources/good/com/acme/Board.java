package com.acme;

import dev.toolsmith.annotations.McpPrompt;
import dev.toolsmith.annotations.McpScopes;
import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.Identity;
import java.util.List;

/** A message board whose every tool needs a scope: reading by default, writing where stated. */
@McpScopes("board:read")
public class Board {
  /** Returns the latest messages. */
  @McpTool(readOnly = true)
  public List<String> getMessages() {
    return List.of();
  }

  /**
   * Posts a message as the caller.
   *
   * @param text the message
   */
  @McpScopes({"board:read", "board:write"})
  @McpTool
  public String postMessage(String text, Identity author) {
    return author.subject() + ": " + text;
  }

  /** Suggests a friendly post. */
  @McpPrompt
  public String friendlyPost() {
    return "Write a friendly message for the board.";
  }
}
