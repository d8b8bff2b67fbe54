package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which argument a tool needs depends on the value of another.
 *
 * <pre>{@code
 * @McpTool
 * @McpRequiredIf(param = "contactMethod", equals = "phone", then = "phone", otherwise = "email")
 * public String contact(
 *     Optional<ContactMethod> contactMethod, Optional<String> phone, Optional<String> email) { ... }
 * }</pre>
 *
 * gives the input schema JSON Schema 2020-12's conditional: {@code "if": {"properties":
 * {"contactMethod": {"const": "phone"}}, "required": ["contactMethod"]}, "then": {"required":
 * ["phone"]}, "else": {"required": ["email"]}}. When {@code contactMethod} is {@code "phone"} the
 * call needs {@code phone}; otherwise (another value, or none) it needs {@code email}. The
 * generated decoder enforces the same and names the rule when a call breaks it.
 *
 * <p>{@code param} names a string, enum, boolean or integer argument, and {@code equals} is one of
 * its values as JSON writes it (an enum's JSON name, {@code true}, {@code 42}). {@code then} and
 * {@code otherwise} name optional arguments; leave {@code otherwise} empty to require nothing in
 * that case. A tool has at most one such rule.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpRequiredIf {

  /** The argument whose value decides. */
  String param();

  /** The value that makes {@link #then()} required. */
  String equals();

  /** The argument required when {@link #param()} has that value. */
  String then();

  /** The argument required otherwise; empty for none. */
  String otherwise() default "";
}
