package dev.toolsmith.runtime.spi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Completion;
import dev.toolsmith.runtime.PromptMessage;
import dev.toolsmith.runtime.PromptResult;
import dev.toolsmith.runtime.ResourceContents;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** Turns what a tool method returned into a {@link ToolResult}. */
@UsedByGeneratedCode
public final class Results {
  private Results() {}

  /**
   * The property that wraps a result which is not a JSON object, since MCP wants object-shaped
   * structured content.
   */
  public static final String WRAPPED_PROPERTY = "result";

  /** Returns one text block with the text, or no content for {@code null}. */
  public static ToolResult text(String text) {
    return text == null ? ToolResult.empty() : ToolResult.text(text);
  }

  /**
   * Returns one text block with a scalar's text (a number, boolean, enum, date...), or no content
   * for {@code null}.
   */
  public static ToolResult scalar(Object value) {
    return value == null ? ToolResult.empty() : ToolResult.text(String.valueOf(value));
  }

  /**
   * Returns a JSON tree as structured content: an object as it is, any other value wrapped in
   * {@code {"result": ...}}; no content for {@code null}.
   */
  public static ToolResult json(JsonNode value) {
    if (value == null) {
      return ToolResult.empty();
    }
    return value.isObject() ? object(value, Writers.JSON) : wrapped(value, Writers.JSON);
  }

  /** Returns the tool's own result, or no content for {@code null}. */
  public static ToolResult of(ToolResult result) {
    return result == null ? ToolResult.empty() : result;
  }

  /**
   * Returns a value that is a JSON object (a record or a map) as structured content, with the same
   * JSON as a text block.
   */
  public static <T> ToolResult object(T value, ValueWriter<? super T> writer) {
    if (value == null) {
      return ToolResult.empty();
    }
    return ToolResult.structured(toJson(writer, value, false));
  }

  /**
   * Returns a value that is not a JSON object (a collection or array) as structured content wrapped
   * in {@code {"result": ...}}, with the same JSON as a text block.
   */
  public static <T> ToolResult wrapped(T value, ValueWriter<? super T> writer) {
    if (value == null) {
      return ToolResult.empty();
    }
    return ToolResult.structured(toJson(writer, value, true));
  }

  /**
   * Writes a value as JSON text, optionally wrapped in {@code {"result": ...}}; no lambda, as this
   * runs on cold starts.
   */
  private static <T> String toJson(ValueWriter<? super T> writer, T value, boolean wrapped) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator gen = Json.factory().createGenerator(out)) {
      if (wrapped) {
        gen.writeStartObject();
        gen.writeFieldName(WRAPPED_PROPERTY);
      }
      writer.write(new JsonWriter(gen), value);
      if (wrapped) {
        gen.writeEndObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Waits for an asynchronous tool's result, rethrowing the exception it completed with (not
   * wrapped in {@link CompletionException} or {@link ExecutionException}).
   */
  public static <T> T await(CompletionStage<T> stage) throws Exception {
    if (stage == null) {
      return null;
    }
    try {
      return stage.toCompletableFuture().get();
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (CompletionException e) {
      throw unwrap(e.getCause());
    }
  }

  private static Exception unwrap(Throwable cause) {
    Throwable inner = cause;
    while (inner instanceof CompletionException && inner.getCause() != null) {
      inner = inner.getCause();
    }
    if (inner instanceof Error) {
      throw (Error) inner;
    }
    return (Exception) inner;
  }

  /** Returns text resource contents for the URI that was read. */
  public static List<ResourceContents> resource(String uri, String mimeType, String text) {
    return List.of(ResourceContents.text(uri, mimeType, requireResult(text)));
  }

  /** Returns binary resource contents for the URI that was read. */
  public static List<ResourceContents> resource(String uri, String mimeType, byte[] bytes) {
    return List.of(ResourceContents.blob(uri, mimeType, requireResult(bytes)));
  }

  /** Returns one item of resource contents as a list. */
  public static List<ResourceContents> resources(ResourceContents contents) {
    return List.of(requireResult(contents));
  }

  /** Returns resource contents as they are; the runtime refuses an empty list as not found. */
  public static List<ResourceContents> resources(List<ResourceContents> contents) {
    return contents == null ? List.of() : contents;
  }

  /** Returns a prompt of one user text message. */
  public static PromptResult prompt(String text) {
    return PromptResult.text(requireResult(text));
  }

  /** Returns a prompt of one message. */
  public static PromptResult prompt(PromptMessage message) {
    return PromptResult.of(requireResult(message));
  }

  /** Returns a prompt of these messages. */
  public static PromptResult prompt(List<PromptMessage> messages) {
    return new PromptResult(null, requireResult(messages));
  }

  /** Returns a prompt as it is. */
  public static PromptResult prompt(PromptResult result) {
    return requireResult(result);
  }

  /** Returns suggestions, the first 100 of them with the total. */
  public static Completion completion(List<String> values) {
    return values == null ? Completion.empty() : Completion.of(values);
  }

  /** Returns suggestions as they are. */
  public static Completion completion(Completion completion) {
    return completion == null ? Completion.empty() : completion;
  }

  private static <T> T requireResult(T value) {
    if (value == null) {
      throw new IllegalStateException(
          "The method returned null; return a value (resources and prompts have no empty result)");
    }
    return value;
  }
}
