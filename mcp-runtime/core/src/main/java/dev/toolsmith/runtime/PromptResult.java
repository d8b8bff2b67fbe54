package dev.toolsmith.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What {@code prompts/get} returns: the messages, and optionally a description.
 *
 * <p>Prompt methods usually return a {@code String} (one user text message) and let the generated
 * code wrap it; return this type for several messages, images or embedded resources.
 *
 * <pre>{@code
 * return PromptResult.of(
 *     PromptMessage.user(Content.resource(uri, "text/plain", text)),
 *     PromptMessage.user("Please summarize the document above."));
 * }</pre>
 *
 * @param description a description of this rendering of the prompt, or {@code null}
 * @param messages the messages, in order
 */
public record PromptResult(String description, List<PromptMessage> messages) {
  public PromptResult {
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
  }

  /** Returns a result with these messages and no description. */
  public static PromptResult of(PromptMessage... messages) {
    return new PromptResult(null, List.of(messages));
  }

  /** Returns a result with one user text message. */
  public static PromptResult text(String text) {
    return of(PromptMessage.user(text));
  }
}
