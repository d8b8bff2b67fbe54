package dev.toolsmith.runtime.auth;

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

  /** Returns whether the request may proceed, and if not, the refusal to answer with. */
  AuthDecision authenticate(Headers headers);
}
