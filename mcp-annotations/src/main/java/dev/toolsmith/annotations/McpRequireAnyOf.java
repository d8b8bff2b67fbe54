package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A tool needs at least one of several optional arguments, whichever the caller has.
 *
 * <pre>{@code
 * @McpTool
 * @McpRequireAnyOf({"phone", "email"})
 * public String contact(Optional<String> phone, Optional<String> email) { ... }
 * }</pre>
 *
 * gives the input schema {@code "allOf": [{"anyOf": [{"required": ["phone"]}, {"required":
 * ["email"]}]}]}, and the generated decoder refuses a call that has neither, naming both. The names
 * are the arguments' JSON names (after {@link McpParam#name()}), at least two, each an optional
 * parameter of the tool: a required one would make the rule say nothing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpRequireAnyOf {

  /** The arguments of which at least one must be given. */
  String[] value();
}
