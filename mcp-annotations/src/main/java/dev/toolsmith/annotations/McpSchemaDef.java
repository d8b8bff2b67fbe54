package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes a record's schema once, under {@code $defs}, and refers to it with {@code $ref} wherever a
 * tool uses the record, instead of inlining it at each use.
 *
 * <pre>{@code
 * @McpSchemaDef(name = "address", anchor = "addressDef")
 * public record Address(String street, String city) {}
 * }</pre>
 *
 * gives each tool schema that uses it {@code "$defs": {"address": {"$anchor": "addressDef", "type":
 * "object", ...}}} and {@code {"$ref": "#/$defs/address"}} at each use. Use it when a record
 * appears several times in one tool, or when clients should see it as one named type. Targets
 * without references ({@code -Atoolsmith.targets}) get it inlined again.
 *
 * <p>{@code name} is letters, digits, {@code _}, {@code .} and {@code -}; {@code anchor}, when
 * given, starts with a letter or {@code _} (JSON Schema's {@code $anchor} syntax). Two records used
 * by one tool may not share a name.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface McpSchemaDef {

  /** The record's key under {@code $defs}. */
  String name();

  /** The record's {@code $anchor}; empty for none. */
  String anchor() default "";
}
