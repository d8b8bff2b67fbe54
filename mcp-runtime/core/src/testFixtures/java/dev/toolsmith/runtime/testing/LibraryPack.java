package dev.toolsmith.runtime.testing;

import dev.toolsmith.runtime.Completion;
import dev.toolsmith.runtime.Content;
import dev.toolsmith.runtime.PromptMessage;
import dev.toolsmith.runtime.PromptResult;
import dev.toolsmith.runtime.ResourceContents;
import dev.toolsmith.runtime.ResourceNotFoundException;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.CompletionRequest;
import dev.toolsmith.runtime.spi.Dispatch;
import dev.toolsmith.runtime.spi.PromptCall;
import dev.toolsmith.runtime.spi.PromptDescriptor;
import dev.toolsmith.runtime.spi.ResourceCall;
import dev.toolsmith.runtime.spi.ResourceDescriptor;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written pack with resources, a template, prompts and completions, as the processor would
 * generate it.
 */
public final class LibraryPack implements ToolPack {
  private static final List<String> BOOKS = List.of("dune", "dracula", "don-quixote", "emma");

  @Override
  public List<ToolDescriptor> tools() {
    return List.of();
  }

  @Override
  public ToolResult call(String tool, ToolCall call) {
    throw Dispatch.unknownTool(tool, List.of());
  }

  @Override
  public List<ResourceDescriptor> resources() {
    return List.of(
        ResourceDescriptor.of(
            "library://catalog",
            "{\"uri\":\"library://catalog\",\"name\":\"catalog\",\"mimeType\":\"text/plain\"}"),
        ResourceDescriptor.of(
            "library://cover",
            "{\"uri\":\"library://cover\",\"name\":\"cover\",\"mimeType\":\"image/png\"}"),
        ResourceDescriptor.template(
            "library://books/{id}/summary",
            "{\"uriTemplate\":\"library://books/{id}/summary\",\"name\":\"summary\",\"mimeType\":\"application/json\"}"),
        ResourceDescriptor.template(
            "library://broken/{id}",
            "{\"uriTemplate\":\"library://broken/{id}\",\"name\":\"broken\"}"));
  }

  @Override
  public List<ResourceContents> read(String resource, ResourceCall call) {
    switch (resource) {
      case "library://catalog":
        return List.of(ResourceContents.text(call.uri(), "text/plain", String.join("\n", BOOKS)));
      case "library://cover":
        return List.of(
            ResourceContents.blob(
                call.uri(), "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
      case "library://books/{id}/summary":
        String id = call.variables().get("id");
        if (!BOOKS.contains(id)) {
          throw new ResourceNotFoundException(
              call.uri(), "There is no book '" + id + "' in the library.");
        }
        return List.of(
            ResourceContents.text(call.uri(), "application/json", "{\"id\":\"" + id + "\"}"));
      case "library://broken/{id}":
        throw new IllegalStateException("disk full at /var/secret");
      default:
        throw new IllegalArgumentException(resource);
    }
  }

  @Override
  public List<PromptDescriptor> prompts() {
    return List.of(
        PromptDescriptor.of(
            "review",
            List.of("book"),
            "{\"name\":\"review\",\"description\":\"Reviews a book.\","
                + "\"arguments\":[{\"name\":\"book\",\"required\":true},{\"name\":\"tone\"}]}"));
  }

  @Override
  public PromptResult prompt(String prompt, PromptCall call) {
    String tone = call.arguments().getOrDefault("tone", "fair");
    return new PromptResult(
        "A review prompt",
        List.of(
            PromptMessage.user(
                Content.resource(
                    "library://books/" + call.arguments().get("book") + "/summary",
                    "application/json",
                    "{}")),
            PromptMessage.user(
                "Write a " + tone + " review of " + call.arguments().get("book") + ".")));
  }

  @Override
  public boolean completes() {
    return true;
  }

  @Override
  public Completion complete(CompletionRequest request) {
    List<String> matches = new ArrayList<>();
    for (String book : BOOKS) {
      if (book.startsWith(request.value())) {
        matches.add(book);
      }
    }
    return (request.prompt() && request.argument().equals("book"))
            || (!request.prompt() && request.argument().equals("id"))
        ? Completion.of(matches)
        : Completion.empty();
  }
}
