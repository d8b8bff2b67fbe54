package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the JSON property name or description of a tool parameter or a record component.
 *
 * <p>Without it, a parameter's property is named after the Java parameter and described by the
 * method's Javadoc {@code @param} tag (a record component by the record's {@code @param} tag).
 *
 * <pre>{@code
 * @McpTool
 * public Forecast forecast(@McpParam(name = "city_name", description = "City, for example \"Porto\"") String city,
 *                          @Min(1) @Max(14) int days) { ... }
 * }</pre>
 *
 * generates the properties
 *
 * <pre>{@code
 * "city_name": {"type": "string", "description": "City, for example \"Porto\""},
 * "days": {"type": "integer", "minimum": 1, "maximum": 14}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface McpParam {

  /**
   * The JSON property name; defaults to the Java name. Must be unique within its tool or record.
   */
  String name() default "";

  /** The property's description; defaults to the matching Javadoc {@code @param} text. */
  String description() default "";

  /**
   * The value a call gets when it leaves the argument out: the schema's {@code default}, applied by
   * the generated decoder, so the parameter is optional. Written as the value itself: {@code
   * "metric"} for a string or an enum constant's name, {@code "5"} for a number, {@code "true"} for
   * a boolean. Strings, numbers, booleans, {@code char} and enums take one; the processor refuses a
   * default of any other type, or one the type cannot hold ({@code ToolsmithInvalidDefault}).
   */
  String defaultValue() default NO_DEFAULT;

  /** The {@link #defaultValue} that means none: a required (or optional) parameter as usual. */
  String NO_DEFAULT = "\u0000no default\u0000";
}
