package dev.toolsmith.bench.sdk;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.JsonRpc;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.McpTransportResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.modern.server.feature.McpSyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.ToolsFeature;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The same weather server on the official MCP Java SDK 2.2.0's 2026-07-28 server ({@code
 * io.modelcontextprotocol.modern}), written as a competent user would for Lambda: built once in the
 * constructor, each API Gateway event's body handed to the server's transport-neutral {@code
 * McpRequestManager.handleBlocking}.
 */
public final class SdkModernWeatherHandler implements RequestStreamHandler {
  private final McpJsonMapper json = McpJsonDefaults.getMapper();
  private final McpServer server;

  public SdkModernWeatherHandler() {
    McpSchema.Tool tool =
        McpSchema.Tool.builder(
                "get_weather",
                json,
                "{\"type\":\"object\",\"properties\":{\"city\":"
                    + "{\"type\":\"string\",\"description\":\"the city to report on\"}},\"required\":[\"city\"],"
                    + "\"additionalProperties\":false}")
            .description("Return the current weather for a given city.")
            .build();
    McpSyncTool getWeather =
        McpSyncTool.of(
            tool,
            (context, request) ->
                McpSyncResponse.result(
                    new McpSchema.CallToolResult.Builder()
                        .addContent(
                            McpSchema.TextContent.builder(
                                    "The weather in "
                                        + request.arguments().get("city")
                                        + " is sunny and 72°F.")
                                .build())
                        .build()));
    McpSyncToolRepository tools =
        new McpSyncToolRepository() {
          @Override
          public ToolsPage list(McpRequestContext context, String cursor) {
            return ToolsPage.of(List.of(tool));
          }

          @Override
          public McpSyncTool find(McpRequestContext context, String name) {
            return "get_weather".equals(name) ? getWeather : null;
          }
        };
    this.server =
        McpServer.builder()
            .serverInfo(McpSchema.Implementation.builder("weather", "1.0.0").build())
            .feature(ToolsFeature.ofSync(tools))
            .build();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonRpc.JSONRPCMessage message =
        JsonRpc.deserializeMessage(json, ApiGatewayEvents.body(json, input));
    JsonRpc.JSONRPCResponse reply = null;
    if (message instanceof JsonRpc.JSONRPCRequest request) {
      McpTransportResponse response =
          server.handleBlocking(McpTransportContext.EMPTY, request).block();
      reply =
          response instanceof McpTransportResponse.Result result
              ? result.response()
              : ((McpTransportResponse.Error) response).response();
    }
    ApiGatewayEvents.respond(json, reply, output);
  }
}
