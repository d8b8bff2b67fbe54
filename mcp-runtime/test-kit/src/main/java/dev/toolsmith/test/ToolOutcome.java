package dev.toolsmith.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a {@code tools/call} returned: a result (which may be a tool error, {@code isError}) or a
 * JSON-RPC error, the notifications sent before it (progress, logs), and assertions that say what
 * came instead of what was expected.
 */
public final class ToolOutcome {
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final String tool;
  private final JsonNode reply;
  private final List<JsonNode> notifications;
  private final Supplier<JsonNode> outputSchema;

  ToolOutcome(
      String tool, JsonNode reply, List<JsonNode> notifications, Supplier<JsonNode> outputSchema) {
    this.tool = tool;
    this.reply = reply;
    this.notifications = List.copyOf(notifications);
    this.outputSchema = outputSchema;
  }

  /** Returns the notifications the server sent while the tool ran, in order. */
  public List<JsonNode> notifications() {
    return notifications;
  }

  /** Returns the {@code params} of each progress notification: progress, total, message. */
  public List<JsonNode> progress() {
    return paramsOf("notifications/progress");
  }

  /** Returns the {@code params} of each log message the tool sent: level, logger, data. */
  public List<JsonNode> logs() {
    return paramsOf("notifications/message");
  }

  private List<JsonNode> paramsOf(String method) {
    List<JsonNode> params = new ArrayList<>();
    for (JsonNode notification : notifications) {
      if (notification.path("method").asText().equals(method)) {
        params.add(notification.path("params"));
      }
    }
    return params;
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

  /**
   * Asserts the call succeeded and its structured content matches the {@code outputSchema} the
   * server lists for the tool, as JSON Schema 2020-12: what a client that validates results checks.
   *
   * @throws AssertionError naming each mismatch, or when the tool has no output schema or the
   *     result no structured content
   */
  public ToolOutcome assertMatchesOutputSchema() {
    assertOk();
    JsonNode schema = outputSchema.get();
    if (schema == null) {
      throw new AssertionError("Tool '" + tool + "' lists no outputSchema");
    }
    if (structuredContent() == null) {
      throw new AssertionError(
          "Tool '" + tool + "' has an outputSchema but returned no structuredContent: " + reply);
    }
    List<com.networknt.schema.Error> errors =
        SCHEMAS
            .getSchema(Json.toString(schema), InputFormat.JSON)
            .validate(Json.toString(structuredContent()), InputFormat.JSON);
    if (!errors.isEmpty()) {
      throw new AssertionError(
          "The structuredContent of '"
              + tool
              + "' does not match its outputSchema: "
              + errors
              + "\ncontent: "
              + structuredContent()
              + "\nschema: "
              + schema);
    }
    return this;
  }

  @Override
  public String toString() {
    return "ToolOutcome{" + tool + ": " + reply + "}";
  }
}
