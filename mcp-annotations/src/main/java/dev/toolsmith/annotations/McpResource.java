package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as an MCP resource: a static URI, or an RFC 6570 URI template whose variables bind
 * to the method's parameters by name.
 *
 * <pre>{@code
 * public class Library {
 *   /** The library's catalog, one title per line. *\/
 *   @McpResource(uri = "library://catalog")
 *   public String catalog() { ... }
 *
 *   /**
 *    * A book's summary.
 *    *
 *    * @param id the book's id
 *    *\/
 *   @McpResource(uri = "library://books/{id}/summary", mimeType = "application/json")
 *   public String summary(String id) { ... }
 * }
 * }</pre>
 *
 * generates, for {@code resources/list} and {@code resources/templates/list},
 *
 * <pre>{@code
 * {"uri": "library://catalog", "name": "catalog", "description": "The library's catalog, one title per line.",
 *  "mimeType": "text/plain"}
 * {"uriTemplate": "library://books/{id}/summary", "name": "summary", "description": "A book's summary.",
 *  "mimeType": "application/json"}
 * }</pre>
 *
 * and a {@code resources/read} that matches the URI, converts {@code id} and calls {@code summary}
 * directly.
 *
 * <p>A method returns {@code String} (text), {@code byte[]} (a base64 blob), {@code
 * ResourceContents} or a {@code List} of them, or a {@code CompletionStage} of these. Template
 * variables bind to parameters of type {@code String}, {@code int}, {@code long} (or their boxes)
 * or {@code UUID}; the request context and the caller's identity may be injected too. The processor
 * reports a template variable without a parameter, and a parameter without a variable, as compile
 * errors. Throw {@code ResourceNotFoundException} when a URI fits the template but names nothing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpResource {

  /**
   * The resource's URI, or a level-1 URI template such as {@code file:///logs/{date}}. Required.
   */
  String uri();

  /** The resource's name in lists; defaults to the method name in snake_case. */
  String name() default "";

  /** A human-readable title. */
  String title() default "";

  /** What the resource holds; defaults to the method's Javadoc. */
  String description() default "";

  /**
   * The MIME type; defaults to {@code text/plain} for {@code String} results and {@code
   * application/octet-stream} for {@code byte[]}.
   */
  String mimeType() default "";

  /**
   * How long a 2026-07-28 client may reuse what {@code resources/read} returned, in milliseconds
   * ({@code ttlMs}); {@code -1}, the default, takes the server's {@code listTtl}, and {@code 0}
   * says not to reuse it at all, for contents that change from one read to the next.
   */
  long cacheTtlMs() default -1;

  /**
   * Who may reuse what {@code resources/read} returned ({@code cacheScope}). By default the server
   * decides: {@code private} when it authenticates callers or this method takes the caller's
   * identity or session. {@link CacheScope#PRIVATE} marks contents that depend on the caller in
   * other ways; {@link CacheScope#PUBLIC} is refused for a method that takes the identity or
   * session.
   */
  CacheScope cacheScope() default CacheScope.DEFAULT;
}
