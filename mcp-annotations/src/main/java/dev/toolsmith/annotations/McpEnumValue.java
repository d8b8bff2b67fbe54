package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name an enum constant has in JSON, when it should not be the Java name.
 *
 * <pre>{@code
 * public enum Status {
 *   OPEN,
 *   @McpEnumValue("in-progress") IN_PROGRESS,
 *   DONE
 * }
 * }</pre>
 *
 * gives the schema {@code "enum": ["OPEN", "in-progress", "DONE"]}: clients send {@code
 * "in-progress"}, the generated decoder turns it into {@code IN_PROGRESS}, results write it back as
 * {@code "in-progress"}, and a {@code defaultValue} names it that way too. The names of one enum
 * must be unique and not empty.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface McpEnumValue {

  /** The constant's name in JSON. */
  String value();
}
