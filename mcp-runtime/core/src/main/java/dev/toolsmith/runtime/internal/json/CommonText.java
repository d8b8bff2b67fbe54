package dev.toolsmith.runtime.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * The few strings nearly every MCP request carries ({@code "2.0"}, the method names, {@code
 * application/json}, the protocol revisions, {@code POST} and {@code /mcp}), matched against the
 * parser's characters so a request made of them reads without making a {@code String} for each.
 * HTTP servers keep such a table of common header values for the same reason (Jetty's parser has
 * one). Any other text reads as the parser gives it.
 */
public final class CommonText {
  private static final String[] TEXT = {
    "2.0",
    "tools/call",
    "tools/list",
    "initialize",
    "server/discover",
    "notifications/initialized",
    "ping",
    "resources/list",
    "resources/read",
    "prompts/list",
    "prompts/get",
    "application/json",
    "application/json, text/event-stream",
    "text/event-stream, application/json",
    "text/event-stream",
    "2026-07-28",
    "2025-11-25",
    "2025-06-18",
    "2025-03-26",
    "POST",
    "GET",
    "DELETE",
    "/mcp",
    "/",
  };
  private static final TextNode[] NODES = new TextNode[TEXT.length];

  /** The characters of each text, compared without {@code String}'s per-character coder checks. */
  private static final char[][] CHARS = new char[TEXT.length][];

  /**
   * For each length, the indexes of the texts that long: most strings a request carries match no
   * length here and cost one array read.
   */
  private static final int[][] BY_LENGTH;

  static {
    int longest = 0;
    for (int i = 0; i < TEXT.length; i++) {
      NODES[i] = TextNode.valueOf(TEXT[i]);
      CHARS[i] = TEXT[i].toCharArray();
      longest = Math.max(longest, TEXT[i].length());
    }
    BY_LENGTH = new int[longest + 1][];
    for (int length = 0; length <= longest; length++) {
      int count = 0;
      for (String text : TEXT) {
        count += text.length() == length ? 1 : 0;
      }
      int[] indexes = new int[count];
      for (int i = 0, at = 0; i < TEXT.length; i++) {
        if (TEXT[i].length() == length) {
          indexes[at++] = i;
        }
      }
      BY_LENGTH[length] = indexes;
    }
  }

  private CommonText() {}

  /** Returns the text of the parser's current string token, shared when it is a common one. */
  public static String text(JsonParser parser) throws IOException {
    int common = indexOf(parser);
    return common < 0 ? parser.getText() : TEXT[common];
  }

  /** Returns the current string token as a tree node, one shared node when it is common. */
  static TextNode node(JsonParser parser) throws IOException {
    int common = indexOf(parser);
    return common < 0 ? TextNode.valueOf(parser.getText()) : NODES[common];
  }

  private static int indexOf(JsonParser parser) throws IOException {
    int length = parser.getTextLength();
    if (length >= BY_LENGTH.length || BY_LENGTH[length].length == 0) {
      return -1;
    }
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    for (int i : BY_LENGTH[length]) {
      if (matches(CHARS[i], chars, offset)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matches(char[] text, char[] chars, int offset) {
    for (int i = 0; i < text.length; i++) {
      if (chars[offset + i] != text[i]) {
        return false;
      }
    }
    return true;
  }
}
