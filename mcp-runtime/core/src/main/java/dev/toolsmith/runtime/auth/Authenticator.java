package dev.toolsmith.runtime.auth;

import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.http.Headers;

/**
 * Decides whether an HTTP request may reach the MCP server. The Streamable HTTP rules ask it for
 * every request except CORS preflights, before reading the body, so a refused caller learns nothing
 * about the server beyond the refusal.
 *
 * <p>Transports without HTTP (stdio, a direct Lambda invoke, Bedrock AgentCore Gateway) are
 * authenticated by what carries them: the local process, IAM, the gateway.
 */
@FunctionalInterface
public interface Authenticator {

  /** Lets every request in; the default for a server that configures no authentication. */
  Authenticator NONE = NoAuthentication.INSTANCE;

  /**
   * Returns an authenticator for a server whose authentication is switched on but not configured:
   * it refuses every request with 503 and this reason, so a missing setting fails closed and says
   * which setting it is, instead of letting everyone in.
   */
  static Authenticator unconfigured(String reason) {
    return new UnconfiguredAuthenticator(reason);
  }

  /** Returns whether the request may proceed, and if not, the refusal to answer with. */
  AuthDecision authenticate(Headers headers);

  /**
   * Decides as {@link #authenticate(Headers)} does, with what the transport knows about the request
   * as well: on AWS Lambda, what an API Gateway authorizer established. The Streamable HTTP rules
   * call this one; only authenticators that trust such a result need to override it.
   */
  default AuthDecision authenticate(Headers headers, TransportAttributes attributes) {
    return authenticate(headers);
  }

  /**
   * Returns the RFC 9728 Protected Resource Metadata document (JSON) that tells OAuth clients which
   * authorization server issues tokens for this server, or {@code null} when this kind of
   * authentication has none. The Streamable HTTP rules serve it, without authentication, at {@code
   * /.well-known/oauth-protected-resource} and its path-suffixed form.
   */
  default String protectedResourceMetadata() {
    return null;
  }

  /**
   * Returns the {@code WWW-Authenticate} value of a 403 for a caller whose token lacks scopes.
   *
   * @param scopes every scope the operation needs, space-separated
   */
  default String insufficientScopeChallenge(String scopes) {
    return "Bearer error=\"insufficient_scope\", scope=\"" + scopes + "\"";
  }
}
