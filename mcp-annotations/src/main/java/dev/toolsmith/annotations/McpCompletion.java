package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that suggests values for one prompt argument or resource-template variable
 * declared in the same class, answering {@code completion/complete}.
 *
 * <pre>{@code
 * @McpCompletion(prompt = "review_book", argument = "book")
 * List<String> bookTitles(String prefix) {
 *   return catalog.titlesStartingWith(prefix);
 * }
 *
 * @McpCompletion(resource = "library://books/{id}/summary", argument = "id")
 * List<String> bookIds(String prefix, Map<String, String> context) { ... }
 * }</pre>
 *
 * <p>Set exactly one of {@link #prompt()} and {@link #resource()}. The method takes the text typed
 * so far and, optionally, a {@code Map<String, String>} of the other arguments already given, and
 * returns {@code List<String>} (the first 100 are sent, with the total) or {@code Completion}. The
 * processor reports a completion for a prompt, template or argument the class does not declare as a
 * compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpCompletion {

  /** The name of the prompt whose argument this completes. */
  String prompt() default "";

  /** The URI template of the resource whose variable this completes. */
  String resource() default "";

  /** The argument or variable completed. Required. */
  String argument();
}
