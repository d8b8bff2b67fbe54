package dev.toolsmith.examples.toolbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.lambda.McpLambdaHandler;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.session.dynamodb.DynamoDbSessionStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The toolbox as Lambda runs it behind the template's HTTP API: payload-2.0 events in, proxy
 * responses out, sessions in DynamoDB Local, so each invocation could be on another instance.
 */
class ToolboxLambdaTest {
  private static Backends backends;
  private static McpLambdaHandler[] instances;

  @BeforeAll
  static void start() throws Exception {
    backends = Backends.get();
    instances = new McpLambdaHandler[2];
    for (int i = 0; i < instances.length; i++) {
      McpServer server =
          ToolboxServer.builder(BearerTokenAuthenticator.of(Backends.TOKEN))
              .tools(new ToolboxTools_McpTools(new ToolboxTools(backends.s3)))
              .sessions(new DynamoDbSessionStore(backends.dynamo.client(), Backends.TABLE))
              .build();
      instances[i] = new McpLambdaHandler(server) {};
    }
  }

  @Test
  void sessionSurvivesAcrossExecutionEnvironments_andDeleteEndsIt() throws Exception {
    JsonNode init = invoke(0, "POST", null, RawHttp.INITIALIZE, "Bearer " + Backends.TOKEN);
    assertThat(init.path("statusCode").asInt()).isEqualTo(200);
    String id = init.at("/headers/Mcp-Session-Id").asText();
    assertThat(id).isNotEmpty();
    for (int i = 1; i <= 3; i++) {
      JsonNode call = invoke(i % 2, "POST", id, RawHttp.INCREMENT, "Bearer " + Backends.TOKEN);
      assertThat(Json.parse(call.path("body").asText()).at("/result/content/0/text").asText())
          .isEqualTo(Integer.toString(i));
    }
    assertThat(invoke(1, "DELETE", id, null, "Bearer " + Backends.TOKEN).path("statusCode").asInt())
        .isEqualTo(204);
    assertThat(
            invoke(0, "POST", id, RawHttp.INCREMENT, "Bearer " + Backends.TOKEN)
                .path("statusCode")
                .asInt())
        .isEqualTo(404);
  }

  @Test
  void wrongToken_is401WithAChallenge() throws Exception {
    JsonNode response = invoke(0, "POST", null, RawHttp.INITIALIZE, "Bearer nope");
    assertThat(response.path("statusCode").asInt()).isEqualTo(401);
    assertThat(response.at("/headers/WWW-Authenticate").asText()).startsWith("Bearer");
  }

  private static JsonNode invoke(
      int instance, String method, String sessionId, String body, String authorization)
      throws Exception {
    String event =
        Json.write(
            gen -> {
              gen.writeStartObject();
              gen.writeStringField("version", "2.0");
              gen.writeStringField("routeKey", method + " /mcp");
              gen.writeStringField("rawPath", "/mcp");
              gen.writeObjectFieldStart("headers");
              gen.writeStringField("content-type", "application/json");
              gen.writeStringField("accept", "application/json, text/event-stream");
              gen.writeStringField("authorization", authorization);
              if (sessionId != null) {
                gen.writeStringField("mcp-session-id", sessionId);
                gen.writeStringField("mcp-protocol-version", "2025-11-25");
              }
              gen.writeEndObject();
              gen.writeObjectFieldStart("requestContext");
              gen.writeObjectFieldStart("http");
              gen.writeStringField("method", method);
              gen.writeStringField("path", "/mcp");
              gen.writeEndObject();
              gen.writeEndObject();
              if (body != null) {
                gen.writeStringField("body", body);
              }
              gen.writeBooleanField("isBase64Encoded", false);
              gen.writeEndObject();
            });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    instances[instance].handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.parse(out.toByteArray());
  }
}
