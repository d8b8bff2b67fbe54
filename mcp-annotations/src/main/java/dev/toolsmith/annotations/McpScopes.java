package dev.toolsmith.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OAuth scopes a caller's token must grant to use a tool, resource or prompt.
 *
 * <pre>{@code
 * @McpScopes("board:write")
 * @McpTool
 * public String postMessage(String text, Identity author) { ... }
 * }</pre>
 *
 * <p>On a method it applies to that tool, resource or prompt; on a class, to every one the class
 * declares that has no {@code @McpScopes} of its own. A call by a caller whose token lacks any of
 * the scopes is refused with HTTP 403 and {@code WWW-Authenticate: Bearer
 * error="insufficient_scope", scope="board:write"} before the method runs, so a client can ask its
 * user for more. Callers without an OAuth token (no authentication, a shared bearer token, stdio)
 * have no scopes. List results are not filtered: {@code tools/list} shows every tool, and the
 * refusal comes when one is called.
 *
 * <p>Scopes are RFC 6749 scope tokens: visible ASCII without spaces, quotes or backslashes; the
 * processor reports any other as a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface McpScopes {

  /** The scopes, all of which are required. */
  String[] value();
}
