package dev.toolsmith.runtime;

import java.util.Objects;

/**
 * One message of a prompt: who says it and what.
 *
 * @param role {@code user} or {@code assistant}
 * @param content text, an image, audio or an embedded resource
 */
public record PromptMessage(Role role, Content content) {
  public PromptMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  /** Returns a message from the user. */
  public static PromptMessage user(Content content) {
    return new PromptMessage(Role.USER, content);
  }

  /** Returns a text message from the user. */
  public static PromptMessage user(String text) {
    return user(Content.text(text));
  }

  /** Returns a message from the assistant. */
  public static PromptMessage assistant(Content content) {
    return new PromptMessage(Role.ASSISTANT, content);
  }

  /** Who says a message. */
  public enum Role {
    USER("user"),
    ASSISTANT("assistant");

    private final String wire;

    Role(String wire) {
      this.wire = wire;
    }

    /** Returns the role as MCP writes it. */
    public String wire() {
      return wire;
    }
  }
}
