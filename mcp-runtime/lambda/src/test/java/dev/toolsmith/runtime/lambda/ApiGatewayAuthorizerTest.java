package dev.toolsmith.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import dev.toolsmith.test.lambda.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function behind an API Gateway authorizer takes the caller from the event, for each kind of
 * authorizer, with the result shapes API Gateway sends (recorded under events/authorizer/); scopes
 * guard tools as they do with tokens; and a request without an authorizer result is refused.
 */
class ApiGatewayAuthorizerTest {
  private final McpLambdaHandler handler =
      new McpLambdaHandler(
          McpServer.builder()
              .name("behind-an-authorizer")
              .tools(new WhoAmI())
              .discoverTools(false)
              .auth(ApiGatewayAuthorizer.trusted())
              .build()) {};

  @Test
  void httpApiJwtAuthorizer_givesTheTokensSubjectScopesAndIssuer() throws Exception {
    JsonNode reply = call("apigw-v2-http.json", "http-api-jwt.json", "whoami");
    assertThat(text(reply))
        .isEqualTo(
            "8a1b2c3d-1111-2222-3333-444455556666 [board:read, board:write] "
                + "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example");
    assertThat(text(call("apigw-v2-http.json", "http-api-jwt.json", "post"))).isEqualTo("posted");
  }

  @Test
  void iamAuthorizer_givesTheCallersArn() throws Exception {
    JsonNode reply = call("apigw-v2-http.json", "http-api-iam.json", "whoami");
    assertThat(text(reply))
        .isEqualTo("arn:aws:sts::111122223333:assumed-role/mcp-client/alice [] aws:iam");
    JsonNode denied = call("apigw-v2-http.json", "http-api-iam.json", "post");
    assertThat(denied.at("/statusCode").asInt()).isEqualTo(403);
  }

  @Test
  void restApiCognitoAndLambdaAuthorizers_giveTheirCallers() throws Exception {
    assertThat(text(call("apigw-v1-rest.json", "rest-cognito.json", "whoami")))
        .isEqualTo(
            "8a1b2c3d-1111-2222-3333-444455556666 [] "
                + "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example");
    assertThat(text(call("apigw-v1-rest.json", "rest-lambda.json", "whoami")))
        .isEqualTo("team-bot [] aws:lambda-authorizer");
  }

  @Test
  void aRequestWithoutAnAuthorizerResult_isRefused_whateverHeadersItSends() throws Exception {
    JsonNode response = call("apigw-v2-http.json", null, "whoami");
    assertThat(response.path("statusCode").asInt()).isEqualTo(401);
    assertThat(Json.parse(response.path("body").asText()).at("/error/message").asText())
        .contains("carries no API Gateway authorizer result");
  }

  // --- helpers ---

  private JsonNode call(String base, String authorizer, String tool) throws IOException {
    ObjectNode event = (ObjectNode) resource("/events/" + base);
    ObjectNode headers = (ObjectNode) event.path("headers");
    headers.remove(List.of("mcp-method", "mcp-name", "mcp-protocol-version"));
    headers.put("mcp-protocol-version", "2025-11-25");
    if (event.has("multiValueHeaders")) {
      event.remove("multiValueHeaders");
    }
    if (authorizer != null) {
      ((ObjectNode) event.path("requestContext"))
          .set("authorizer", resource("/events/authorizer/" + authorizer));
    }
    event.put(
        "body",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
            + tool
            + "\",\"arguments\":{}}}");
    event.put("isBase64Encoded", false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(Json.toBytes(event)), out, TestContext.plain());
    return Json.parse(out.toByteArray());
  }

  private static String text(JsonNode response) throws IOException {
    assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
    return Json.parse(response.path("body").asText()).at("/result/content/0/text").asText();
  }

  private JsonNode resource(String path) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return Json.parse(in.readAllBytes());
    }
  }

  /** Reports who called, and a tool that needs the board:write scope. */
  private static final class WhoAmI implements ToolPack {
    @Override
    public List<ToolDescriptor> tools() {
      return List.of(
          ToolDescriptor.of(
              "whoami", "{\"name\":\"whoami\",\"inputSchema\":{\"type\":\"object\"}}"),
          ToolDescriptor.of("post", "{\"name\":\"post\",\"inputSchema\":{\"type\":\"object\"}}")
              .requiringScopes("board:write"));
    }

    @Override
    public ToolResult call(String tool, ToolCall call) {
      Identity caller = call.context().identity();
      if (tool.equals("post")) {
        return ToolResult.text("posted");
      }
      return ToolResult.text(
          caller.subject()
              + " "
              + caller.scopes()
              + " "
              + caller.claim("iss").map(JsonNode::asText).orElse("-"));
    }
  }
}
