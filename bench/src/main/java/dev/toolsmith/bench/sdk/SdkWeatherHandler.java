package dev.toolsmith.bench.sdk;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The same weather server on the official MCP Java SDK, written as a competent user would for
 * Lambda: the SDK's stateless server API, built once in the constructor, behind a small transport
 * that hands each API Gateway event's body to the SDK's request handler.
 */
public final class SdkWeatherHandler implements RequestStreamHandler {
  private final McpJsonMapper json = McpJsonDefaults.getMapper();
  private final LambdaTransport transport = new LambdaTransport();
  private final McpStatelessSyncServer server;

  public SdkWeatherHandler() {
    this.server = weather(McpServer.sync(transport), json).build();
  }

  /**
   * Adds the weather tool to an SDK stateless server, the same way for every transport: this
   * handler's and the servlet in the HTTP benchmark.
   */
  public static McpServer.StatelessSyncSpecification weather(
      McpServer.StatelessSyncSpecification spec, McpJsonMapper json) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder(
                "get_weather",
                json,
                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
                    + "\"description\":\"the city to report on\"}},\"required\":[\"city\"],\"additionalProperties\":false}")
            .description("Return the current weather for a given city.")
            .build();
    return spec.serverInfo("weather", "1.0.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .toolCall(
            tool,
            (context, request) ->
                McpSchema.CallToolResult.builder()
                    .content(
                        List.of(
                            McpSchema.TextContent.builder(
                                    "The weather in "
                                        + request.arguments().get("city")
                                        + " is sunny and 72°F.")
                                .build()))
                    .build());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    McpSchema.JSONRPCMessage message =
        McpSchema.deserializeJsonRpcMessage(json, ApiGatewayEvents.body(json, input));
    McpSchema.JSONRPCResponse response = null;
    if (message instanceof McpSchema.JSONRPCRequest request) {
      response = transport.handler.handleRequest(McpTransportContext.EMPTY, request).block();
    }
    ApiGatewayEvents.respond(json, response, output);
  }

  /**
   * The SDK calls {@link #setMcpHandler} when the server is built; requests go straight to that
   * handler.
   */
  private static final class LambdaTransport implements McpStatelessServerTransport {
    private McpStatelessServerHandler handler;

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
      this.handler = handler;
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.empty();
    }
  }
}
