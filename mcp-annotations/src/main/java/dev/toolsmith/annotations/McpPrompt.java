package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as an MCP prompt: a message template a client offers its user.
 *
 * <pre>{@code
 * public class Reviews {
 *   /**
 *    * Asks for a review of a book.
 *    *
 *    * @param book the book's title
 *    * @param tone how the review should sound, "fair" when not given
 *    *\/
 *   @McpPrompt
 *   public String reviewBook(String book, Optional<String> tone) {
 *     return "Write a " + tone.orElse("fair") + " review of " + book + ".";
 *   }
 * }
 * }</pre>
 *
 * generates, for {@code prompts/list},
 *
 * <pre>{@code
 * {"name": "review_book", "description": "Asks for a review of a book.",
 *  "arguments": [{"name": "book", "description": "the book's title", "required": true},
 *                {"name": "tone", "description": "how the review should sound, \"fair\" when not given", "required": false}]}
 * }</pre>
 *
 * <p>MCP prompt arguments are strings: parameters are {@code String} (required), {@code
 * Optional<String>} or a {@code String} annotated {@code Nullable} (optional), or an injected type
 * (the request context, the caller's identity). A {@code prompts/get} without a required argument
 * is refused with -32602 naming it before the method runs. The method returns {@code String} (one
 * user text message), {@code PromptMessage}, {@code List<PromptMessage>}, {@code PromptResult}, or
 * a {@code CompletionStage} of these.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpPrompt {

  /** The prompt's name; defaults to the method name in snake_case. */
  String name() default "";

  /** A human-readable title. */
  String title() default "";

  /** What the prompt is for; defaults to the method's Javadoc. */
  String description() default "";
}
