package com.acme;

import dev.toolsmith.annotations.McpCompletion;
import dev.toolsmith.annotations.McpPrompt;
import dev.toolsmith.annotations.McpResource;
import dev.toolsmith.runtime.Completion;
import dev.toolsmith.runtime.Content;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.PromptMessage;
import dev.toolsmith.runtime.PromptResult;
import dev.toolsmith.runtime.RequestContext;
import dev.toolsmith.runtime.ResourceContents;
import dev.toolsmith.runtime.ResourceNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A library: resources, a template, prompts and their completions, declared next to each other. */
public class Library {
  private static final List<String> BOOKS = List.of("dune", "dracula", "emma");

  /** The catalog, one book id per line. */
  @McpResource(uri = "library://catalog")
  public String catalog() {
    return String.join("\n", BOOKS);
  }

  /** The library's logo. */
  @McpResource(uri = "library://logo", mimeType = "image/png")
  public byte[] logo() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G'};
  }

  /**
   * One page of a book.
   *
   * @param id the book's id
   * @param page the page number, from 1
   */
  @McpResource(uri = "library://books/{id}/pages/{page}", mimeType = "text/markdown", title = "Book page")
  public CompletionStage<String> page(String id, int page, RequestContext context) {
    if (!BOOKS.contains(id)) {
      throw new ResourceNotFoundException("library://books/" + id + "/pages/" + page, "No book '" + id + "'.");
    }
    return CompletableFuture.completedFuture("# " + id + ", page " + page);
  }

  /** Everything known about the library, in two parts. */
  @McpResource(uri = "library://about", name = "about", cacheTtlMs = 3_600_000)
  public List<ResourceContents> about() {
    return List.of(ResourceContents.text("library://about#open", "text/plain", "Open daily."),
        ResourceContents.text("library://about#rules", "text/plain", "Be quiet."));
  }

  /**
   * Asks for a review of a book.
   *
   * @param book the book's id
   * @param tone how the review should sound
   */
  @McpPrompt(title = "Review a book")
  public String reviewBook(String book, Optional<String> tone) {
    return "Write a " + tone.orElse("fair") + " review of " + book + ".";
  }

  /**
   * Shows a book's first page and asks for a summary.
   *
   * @param book the book's id
   */
  @McpPrompt(name = "summarize")
  public PromptResult summarizeBook(String book) {
    return PromptResult.of(
        PromptMessage.user(Content.resource("library://books/" + book + "/pages/1", "text/markdown", "# " + book)),
        PromptMessage.user("Summarize the page above."));
  }

  /** Completes book ids for the review prompt. */
  @McpCompletion(prompt = "review_book", argument = "book")
  public List<String> bookIds(String prefix) {
    return BOOKS.stream().filter(book -> book.startsWith(prefix)).toList();
  }

  /** Completes page numbers, knowing the book. */
  @McpCompletion(resource = "library://books/{id}/pages/{page}", argument = "page")
  public Completion pages(String prefix, Map<String, String> context) {
    return Completion.of(List.of("1", "2", "3"));
  }

  /** The books the caller has on loan. */
  @McpResource(uri = "library://loans/mine")
  public String myLoans(Identity caller) {
    return caller.subject() + ": dune";
  }
}
