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

  /**
   * Mirrors this argument into the HTTP header {@code Mcp-Param-<header>} (MCP 2026-07-28,
   * SEP-2243), so load balancers, gateways and rate limiters can act on it without reading the
   * body: the property gets {@code "x-mcp-header": "<header>"}, clients send the argument again in
   * the header, and the server refuses a request whose header and body disagree. Only for a tool's
   * own string, integer, boolean or enum parameters; an HTTP token ({@code Region}, {@code
   * Tenant-Id}), unique in its tool ignoring case ({@code ToolsmithInvalidParamHeader}). Header
   * values are visible to every intermediary, so never mirror secrets or personal data.
   */
  String header() default "";

  /** The {@link #defaultValue} that means none: a required (or optional) parameter as usual. */
  String NO_DEFAULT = "\u0000no default\u0000";
}
