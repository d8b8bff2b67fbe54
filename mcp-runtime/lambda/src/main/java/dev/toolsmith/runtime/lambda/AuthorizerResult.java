package dev.toolsmith.runtime.lambda;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What API Gateway (or a Function URL with IAM auth) established about the caller before invoking
 * the function, as the event carries it: {@code requestContext.authorizer}, and for REST APIs with
 * IAM auth {@code requestContext.identity}. Handed to authenticators through the request's
 * transport attributes; only {@link ApiGatewayAuthorizer} reads it.
 *
 * @param authorizer the {@code authorizer} object, or a missing node
 * @param identity the REST API's {@code identity} object, or a missing node
 */
record AuthorizerResult(JsonNode authorizer, JsonNode identity) {
  /** Returns the result an event carries, or {@code null} when it carries none. */
  static AuthorizerResult of(JsonNode event) {
    JsonNode context = event.path("requestContext");
    return of(context.path("authorizer"), context.path("identity"));
  }

  /**
   * Returns the result of an event's {@code authorizer} and {@code identity} objects (missing nodes
   * when absent), or {@code null} when they carry none.
   */
  static AuthorizerResult of(JsonNode authorizer, JsonNode identity) {
    boolean iamCaller = identity.path("userArn").isTextual();
    if (!authorizer.isObject() && !iamCaller) {
      return null;
    }
    return new AuthorizerResult(authorizer, identity);
  }
}
