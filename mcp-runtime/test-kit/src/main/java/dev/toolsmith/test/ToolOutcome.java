package dev.toolsmith.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code tools/call} returned: a result (which may be a tool error, {@code isError}) or a
 * JSON-RPC error, with assertions that say what came instead of what was expected.
 */
public final class ToolOutcome {
  private final String tool;
  private final JsonNode reply;

  ToolOutcome(String tool, JsonNode reply) {
    this.tool = tool;
    this.reply = reply;
  }

  /** Returns the whole JSON-RPC response. */
  public JsonNode reply() {
    return reply;
  }

  /** Returns the result object, or a missing node when the call was refused with an error. */
  public JsonNode result() {
    return reply.path("result");
  }

  /** Returns whether the tool answered with a tool error ({@code isError: true}). */
  public boolean isError() {
    return result().path("isError").asBoolean(false);
  }

  /** Returns the JSON-RPC error object, or {@code null} when there was a result. */
  public JsonNode protocolError() {
    return reply.get("error");
  }

  /** Returns the text of every text content block, joined by newlines. */
  public String text() {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : result().path("content")) {
      if (block.path("type").asText().equals("text")) {
        texts.add(block.path("text").asText());
      }
    }
    return String.join("\n", texts);
  }

  /** Returns the structured content, or {@code null} when the result has none. */
  public JsonNode structuredContent() {
    return result().get("structuredContent");
  }

  /**
   * Asserts the call succeeded: a result that is not a tool error.
   *
   * @throws AssertionError naming what came instead
   */
  public ToolOutcome assertOk() {
    if (protocolError() != null) {
      throw new AssertionError(
          "Tool '" + tool + "' was refused: " + protocolError().path("message").asText());
    }
    if (isError()) {
      throw new AssertionError("Tool '" + tool + "' answered with a tool error: " + text());
    }
    return this;
  }

  /**
   * Asserts the tool answered with a tool error whose text contains the fragment.
   *
   * @throws AssertionError naming what came instead
   */
  public ToolOutcome assertToolError(String fragment) {
    if (protocolError() != null) {
      throw new AssertionError(
          "Expected a tool error from '"
              + tool
              + "', but the call was refused: "
              + protocolError().path("message").asText());
    }
    if (!isError() || !text().contains(fragment)) {
      throw new AssertionError(
          "Expected a tool error from '"
              + tool
              + "' containing \""
              + fragment
              + "\", got "
              + (isError() ? "the tool error: " : "a result: ")
              + text());
    }
    return this;
  }

  @Override
  public String toString() {
    return "ToolOutcome{" + tool + ": " + reply + "}";
  }
}
