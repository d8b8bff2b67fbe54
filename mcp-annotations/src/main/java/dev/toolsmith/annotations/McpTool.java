package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as an MCP tool.
 *
 * <p>The Toolsmith processor generates, for each class with tool methods, a class named {@code
 * <Class>_McpTools} (nested classes: {@code Outer_Inner_McpTools}) in the same package. It holds
 * every tool's JSON Schema as text and a {@code switch} that decodes the JSON arguments, calls the
 * method directly and encodes its result. Nothing is looked up by reflection.
 *
 * <pre>{@code
 * public class WeatherTools {
 *   /**
 *    * Returns the current weather for a city.
 *    *
 *    * @param city the city's name, for example "Lisbon"
 *    *\/
 *   @McpTool(readOnly = true)
 *   public String getWeather(String city) {
 *     return "The weather in " + city + " is sunny and 72°F.";
 *   }
 * }
 * }</pre>
 *
 * generates a tool that {@code tools/list} shows as
 *
 * <pre>{@code
 * {"name": "get_weather",
 *  "description": "Returns the current weather for a city.",
 *  "inputSchema": {"type": "object",
 *                  "properties": {"city": {"type": "string", "description": "the city's name, for example \"Lisbon\""}},
 *                  "required": ["city"],
 *                  "additionalProperties": false},
 *  "annotations": {"readOnlyHint": true}}
 * }</pre>
 *
 * <p>The processor checks, and reports as a compile error with an id listed in {@code
 * docs/errors.md}, that the method:
 *
 * <ul>
 *   <li>is not {@code private} or {@code abstract} and declares no type parameters;
 *   <li>takes parameters and returns a type that JSON can express (primitives and their boxes,
 *       {@code String}, enums, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, {@code URI},
 *       {@code java.time} types, {@code Optional}, arrays, collections, {@code Map<String, V>} and
 *       records of these), or a parameter of a type the runtime injects (the request context, the
 *       session, the caller's identity, the Lambda {@code Context}), which is not part of the
 *       schema;
 *   <li>has a name matching {@code ^[A-Za-z0-9_.-]{1,64}$} that no other tool in the compilation
 *       uses;
 *   <li>lives in a class the generated code can reach (not private, not local or anonymous).
 * </ul>
 *
 * <p>A parameter is optional in the schema when its type is {@code Optional}, {@code OptionalInt},
 * {@code OptionalLong} or {@code OptionalDouble}, or when it carries any annotation named {@code
 * Nullable}; every other parameter is required. Jakarta Bean Validation constraints ({@code @Min},
 * {@code @Max}, {@code @Positive}, {@code @Size}, {@code @Pattern}, {@code @NotBlank},
 * {@code @Email}, {@code @DecimalMin}, {@code @DecimalMax}) are recognised by name, become schema
 * keywords and are enforced by the generated decoder; no Bean Validation dependency is needed.
 *
 * <p>Only the hints set explicitly ({@link #readOnly()}, {@link #destructive()}, {@link
 * #idempotent()}, {@link #openWorld()}) appear in the tool's {@code annotations}; clients assume
 * the MCP defaults for the others. Hints are advice to clients, never enforced.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpTool {

  /**
   * The tool's name; defaults to the method name in snake_case ({@code getTime} becomes {@code
   * get_time}).
   */
  String name() default "";

  /** A human-readable display name for clients; omitted when empty. */
  String title() default "";

  /** What the tool does, for the model; defaults to the main text of the method's Javadoc. */
  String description() default "";

  /**
   * Hint that the tool does not modify its environment (MCP {@code readOnlyHint}, default false).
   */
  boolean readOnly() default false;

  /**
   * Hint that the tool may destroy or overwrite data (MCP {@code destructiveHint}, default true).
   */
  boolean destructive() default true;

  /**
   * Hint that calling the tool twice with the same arguments has no extra effect (MCP {@code
   * idempotentHint}, default false).
   */
  boolean idempotent() default false;

  /**
   * Hint that the tool reaches entities outside a closed domain, such as the web (MCP {@code
   * openWorldHint}, default true).
   */
  boolean openWorld() default true;
}
