package dev.toolsmith.runtime.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Trusts what an API Gateway authorizer established, so a function behind one does not verify the
 * caller's token a second time: the caller's {@link Identity} comes from the event, and {@code
 * McpScopes} and identity-bound sessions work as with any other authenticator.
 *
 * <ul>
 *   <li>HTTP API JWT authorizer ({@code authorizer.jwt}): subject {@code sub}, scopes from {@code
 *       scopes} or the {@code scope} claim, the claims as the identity's claims;
 *   <li>Cognito user-pool authorizer on a REST API ({@code authorizer.claims}): the same;
 *   <li>IAM ({@code authorizer.iam} on HTTP APIs and Function URLs, {@code identity.userArn} on
 *       REST APIs): subject the caller's ARN, issuer {@code aws:iam};
 *   <li>a Lambda authorizer on a REST API ({@code authorizer.principalId}): subject the principal
 *       id, issuer {@code aws:lambda-authorizer}, its context as claims.
 * </ul>
 *
 * <p>It trusts only what comes in the event, and only on Lambda: a request without an authorizer
 * result (another transport, a route without an authorizer) is refused with 401. A principal
 * allowed to invoke the function directly can write any event, authorizer included, so grant {@code
 * lambda:InvokeFunction} to API Gateway alone (see docs/security.md).
 */
public final class ApiGatewayAuthorizer implements Authenticator {
  private static final ApiGatewayAuthorizer INSTANCE = new ApiGatewayAuthorizer();

  private ApiGatewayAuthorizer() {}

  /** Returns the authenticator. */
  public static ApiGatewayAuthorizer trusted() {
    return INSTANCE;
  }

  @Override
  public AuthDecision authenticate(Headers headers) {
    return authenticate(headers, TransportAttributes.none());
  }

  @Override
  public AuthDecision authenticate(Headers headers, TransportAttributes attributes) {
    AuthorizerResult result = attributes.get(AuthorizerResult.class).orElse(null);
    if (result == null) {
      return refuse(
          "This request carries no API Gateway authorizer result, and this server trusts only "
              + "what an authorizer established. Call it through the API route that has the "
              + "authorizer.");
    }
    JsonNode authorizer = result.authorizer();
    if (authorizer.path("jwt").isObject()) {
      JsonNode jwt = authorizer.path("jwt");
      return fromClaims(jwt.path("claims"), jwt.path("scopes"));
    }
    if (authorizer.path("claims").isObject()) {
      return fromClaims(authorizer.path("claims"), null);
    }
    if (authorizer.path("iam").isObject()) {
      JsonNode iam = authorizer.path("iam");
      return fromIam(text(iam, "userArn"), iam);
    }
    if (result.identity().path("userArn").isTextual()) {
      return fromIam(text(result.identity(), "userArn"), result.identity());
    }
    String principal = text(authorizer, "principalId");
    if (principal != null) {
      ObjectNode claims = strings(authorizer);
      claims.put("iss", "aws:lambda-authorizer");
      return allow(principal, Set.of(), claims);
    }
    return refuse(
        "The API Gateway authorizer result names no caller (no JWT claims, IAM caller or "
            + "principal id).");
  }

  private static AuthDecision fromClaims(JsonNode claims, JsonNode scopes) {
    ObjectNode copied = strings(claims);
    Set<String> granted = new LinkedHashSet<>();
    if (scopes != null && scopes.isArray()) {
      scopes.forEach(scope -> granted.add(scope.asText()));
    } else if (claims.path("scope").isTextual()) {
      for (String scope : claims.path("scope").asText().trim().split("\\s+")) {
        if (!scope.isEmpty()) {
          granted.add(scope);
        }
      }
    }
    return allow(text(claims, "sub"), granted, copied);
  }

  private static AuthDecision fromIam(String arn, JsonNode caller) {
    ObjectNode claims = strings(caller);
    claims.put("iss", "aws:iam");
    return allow(arn, Set.of(), claims);
  }

  private static AuthDecision allow(String subject, Set<String> scopes, ObjectNode claims) {
    if (subject == null || subject.isBlank()) {
      return refuse("The API Gateway authorizer result names no subject.");
    }
    return AuthDecision.allow(Identity.of(subject, scopes, claims));
  }

  /** Copies an object's scalar members; API Gateway hands claims over as strings. */
  private static ObjectNode strings(JsonNode object) {
    ObjectNode copy = Json.object();
    if (object != null && object.isObject()) {
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        if (member.getValue().isValueNode() && !member.getValue().isNull()) {
          copy.set(member.getKey(), member.getValue());
        }
      }
    }
    return copy;
  }

  private static String text(JsonNode object, String field) {
    JsonNode value = object.path(field);
    return value.isTextual() ? value.textValue() : null;
  }

  private static AuthDecision refuse(String message) {
    return AuthDecision.refuse(401, "Bearer realm=\"mcp\"", message);
  }

  @Override
  public String toString() {
    return "API Gateway authorizer";
  }
}
