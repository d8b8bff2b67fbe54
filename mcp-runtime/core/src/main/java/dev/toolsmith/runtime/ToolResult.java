package dev.toolsmith.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The result of a tool call, for tools that want full control over what the client receives.
 *
 * <p>Most tools return plain values and let the generated code build the result: a {@code String}
 * or primitive becomes one text block, a record, collection or map becomes {@code
 * structuredContent} with the same JSON as text. Return a {@code ToolResult} to send several
 * blocks, images, audio, resources, or an error result without throwing.
 */
public final class ToolResult {
  private static final ToolResult EMPTY = new ToolResult(List.of(), null, false);

  private final List<Content> content;
  private final String structuredContent;
  private final boolean error;

  private ToolResult(List<Content> content, String structuredContent, boolean error) {
    this.content = List.copyOf(content);
    this.structuredContent = structuredContent;
    this.error = error;
  }

  /** Returns a result with no content, what a {@code void} tool returns. */
  public static ToolResult empty() {
    return EMPTY;
  }

  /** Returns a result with one text block. */
  public static ToolResult text(String text) {
    return new ToolResult(List.of(Content.text(text)), null, false);
  }

  /** Returns a result with the given blocks, in order. */
  public static ToolResult of(Content... content) {
    return new ToolResult(List.of(content), null, false);
  }

  /** Returns a result with the given blocks, in order. */
  public static ToolResult of(List<? extends Content> content) {
    return new ToolResult(List.copyOf(content), null, false);
  }

  /** Returns an error result ({@code isError: true}) whose text the model sees and can act on. */
  public static ToolResult error(String message) {
    return new ToolResult(List.of(Content.text(message)), null, true);
  }

  /**
   * Returns a result whose {@code structuredContent} is the given JSON object text, repeated as a
   * text block for clients that do not read structured content.
   *
   * @param json a serialized JSON object, written to the client as it is
   */
  public static ToolResult structured(String json) {
    Objects.requireNonNull(json, "json");
    return new ToolResult(List.of(Content.text(json)), json, false);
  }

  /**
   * Returns a result like this one, error or not, with other content: how an interceptor redacts a
   * result it may not let through as it is.
   *
   * @param structuredContent the structured content as serialized JSON, or {@code null} for none
   */
  public ToolResult withContent(List<? extends Content> content, String structuredContent) {
    return new ToolResult(List.copyOf(content), structuredContent, error);
  }

  /** Returns the content blocks, in order. */
  public List<Content> content() {
    return content;
  }

  /** Returns the structured content as serialized JSON, or {@code null} when there is none. */
  public String structuredContent() {
    return structuredContent;
  }

  /** Returns whether this result reports a tool execution error. */
  public boolean isError() {
    return error;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ToolResult other
        && error == other.error
        && content.equals(other.content)
        && Objects.equals(structuredContent, other.structuredContent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(content, structuredContent, error);
  }

  @Override
  public String toString() {
    return "ToolResult{content="
        + content
        + ", structuredContent="
        + structuredContent
        + ", isError="
        + error
        + "}";
  }
}
