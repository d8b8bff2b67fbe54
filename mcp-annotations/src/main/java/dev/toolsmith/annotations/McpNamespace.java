package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a prefix in front of the name of every tool a class declares, so a pack's tools keep
 * distinct names beside other packs on one server.
 *
 * <pre>{@code
 * @McpNamespace("acme")
 * public class AcmeTools {
 *   @McpTool public String findOrder(String id) { ... }           // listed as "acme_find_order"
 *   @McpTool(name = "ship") public void shipOrder(String id) { ... } // listed as "acme_ship"
 * }
 * }</pre>
 *
 * <p>On a class it applies to that class's tools (and those of classes nested in it); in a {@code
 * package-info.java} it applies to every tool class of the package that does not declare its own.
 * The prefix and the tool's name are joined with {@code _}, since several clients accept only
 * {@code [A-Za-z0-9_-]} in tool names, and the whole name must still fit the 64 characters MCP
 * allows. Resources and prompts are not renamed: URIs already carry their own namespace.
 *
 * <p>A server that must rename a pack it did not write uses {@code McpServer.Builder.prefixTools},
 * {@code renameTool} or {@code excludeTool} instead.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface McpNamespace {

  /**
   * The prefix, such as {@code "acme"}: letters, digits, {@code _}, {@code -} or {@code .}, and not
   * ending in {@code _}.
   */
  String value();
}
