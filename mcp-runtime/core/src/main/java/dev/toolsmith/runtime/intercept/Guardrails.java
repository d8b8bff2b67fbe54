package dev.toolsmith.runtime.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.toolsmith.runtime.Content;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what goes into tools and what comes out of them: input checks refuse an invocation with a
 * reason, output checks redact or withhold a tool's result. A refusal is an {@code isError} result
 * naming the reason, which the model reads and can act on.
 *
 * <pre>{@code
 * McpServer.builder()
 *     .interceptor(Guardrails.builder()
 *         .input(call -> call.arguments().toString().contains("DROP TABLE")
 *             ? Optional.of("SQL statements are not accepted as arguments; describe the data instead.")
 *             : Optional.empty())
 *         .redact(Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"), "[redacted SSN]")
 *         .build())
 * }</pre>
 */
public final class Guardrails implements Interceptor {
  /** Decides whether an invocation may run. */
  @FunctionalInterface
  public interface InputCheck {
    /**
     * Returns why the invocation is refused, or empty to let it run. The reason goes to the client.
     */
    Optional<String> refusal(Invocation invocation);
  }

  /** Looks at a tool's result before the client does. */
  @FunctionalInterface
  public interface OutputCheck {
    /**
     * Returns the result to send: {@code result} itself, or a redacted copy ({@link
     * ToolResult#withContent}).
     *
     * @throws Rejection to withhold the result; the client gets an {@code isError} result with the
     *     reason instead
     */
    ToolResult check(Invocation invocation, ToolResult result);
  }

  private final List<InputCheck> inputs;
  private final List<OutputCheck> outputs;

  private Guardrails(Builder builder) {
    this.inputs = List.copyOf(builder.inputs);
    this.outputs = List.copyOf(builder.outputs);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeInvocation(Invocation invocation) {
    for (InputCheck check : inputs) {
      Optional<String> refusal = check.refusal(invocation);
      if (refusal.isPresent()) {
        throw Rejection.of(refusal.get());
      }
    }
  }

  @Override
  public void afterInvocation(Invocation invocation, InvocationOutcome outcome) {
    if (outcome.toolResult().isEmpty()) {
      return;
    }
    ToolResult result = outcome.toolResult().get();
    for (OutputCheck check : outputs) {
      result = Objects.requireNonNull(check.check(invocation, result), "an output check's result");
    }
    if (result != outcome.toolResult().get()) {
      outcome.replaceResult(result);
    }
  }

  /**
   * Returns an output check that replaces every match of {@code pattern} in a result's text: text
   * blocks, embedded text resources and the string values of structured content.
   */
  public static OutputCheck redacting(Pattern pattern, String replacement) {
    Objects.requireNonNull(pattern, "pattern");
    String quoted = Matcher.quoteReplacement(Objects.requireNonNull(replacement, "replacement"));
    return (invocation, result) -> redact(result, pattern, quoted);
  }

  private static ToolResult redact(ToolResult result, Pattern pattern, String replacement) {
    boolean changed = false;
    List<Content> content = new ArrayList<>(result.content().size());
    for (Content block : result.content()) {
      Content redacted = redact(block, pattern, replacement);
      changed |= redacted != block;
      content.add(redacted);
    }
    String structured = result.structuredContent();
    if (structured != null && pattern.matcher(structured).find()) {
      structured = redactJson(structured, pattern, replacement);
      changed = true;
    }
    return changed ? result.withContent(content, structured) : result;
  }

  private static Content redact(Content block, Pattern pattern, String replacement) {
    if (block instanceof Content.Text text) {
      String redacted = replace(text.text(), pattern, replacement);
      return redacted == null ? block : Content.text(redacted);
    }
    if (block instanceof Content.EmbeddedResource resource && resource.text() != null) {
      String redacted = replace(resource.text(), pattern, replacement);
      return redacted == null
          ? block
          : Content.resource(resource.uri(), resource.mimeType(), redacted);
    }
    return block;
  }

  /** Returns the text with matches replaced, or {@code null} when nothing matched. */
  private static String replace(String text, Pattern pattern, String replacement) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.replaceAll(replacement) : null;
  }

  private static String redactJson(String json, Pattern pattern, String replacement) {
    try {
      return Json.toString(redactNode(Json.parse(json), pattern, replacement));
    } catch (java.io.IOException e) {
      // Not JSON after all: redact it as text rather than let it through.
      return pattern.matcher(json).replaceAll(replacement);
    }
  }

  private static JsonNode redactNode(JsonNode node, Pattern pattern, String replacement) {
    if (node.isTextual()) {
      String redacted = replace(node.textValue(), pattern, replacement);
      return redacted == null ? node : TextNode.valueOf(redacted);
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(redactNode(field.getValue(), pattern, replacement));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, redactNode(array.get(i), pattern, replacement));
      }
    }
    return node;
  }

  @Override
  public String toString() {
    return "Guardrails(" + inputs.size() + " input, " + outputs.size() + " output checks)";
  }

  /** Builds {@link Guardrails}; checks run in the order they are added. */
  public static final class Builder {
    private final List<InputCheck> inputs = new ArrayList<>();
    private final List<OutputCheck> outputs = new ArrayList<>();

    private Builder() {}

    /** Adds a check every tool, prompt and resource invocation must pass. */
    public Builder input(InputCheck check) {
      inputs.add(Objects.requireNonNull(check, "check"));
      return this;
    }

    /** Adds a check every tool result passes through. */
    public Builder output(OutputCheck check) {
      outputs.add(Objects.requireNonNull(check, "check"));
      return this;
    }

    /** Adds an output check that redacts every match of {@code pattern} ({@link #redacting}). */
    public Builder redact(Pattern pattern, String replacement) {
      return output(redacting(pattern, replacement));
    }

    /** Returns the guardrails. */
    public Guardrails build() {
      return new Guardrails(this);
    }
  }
}
