package dev.toolsmith.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The weather handler end to end through the real AWS Lambda runtime interface client, in its own
 * JVM, against a loopback Runtime API that plays the Lambda service: it hands out recorded events
 * and collects the handler's responses, exactly as on AWS.
 */
class LambdaRuntimeClientTest {
  private static final String NEXT = "/2018-06-01/runtime/invocation/next";

  @Test
  void weatherHandlerAnswersApiGatewayAndAgentCoreInvocations() throws Exception {
    List<Invocation> invocations =
        List.of(
            new Invocation(
                "init",
                httpApiEvent(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"),
                null),
            new Invocation(
                "list",
                httpApiEvent("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"),
                null),
            new Invocation(
                "call",
                httpApiEvent(
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Oslo\"}}}"),
                null),
            new Invocation(
                "agentcore",
                "{\"city\":\"Lima\"}",
                "{\"custom\":{\"bedrockAgentCoreToolName\":\"weather-target___get_weather\",\"bedrockAgentCoreMessageVersion\":\"1.0\"}}"));

    try (FakeRuntimeApi api = new FakeRuntimeApi(invocations)) {
      Process lambda = startRuntimeClient(api.address());
      try {
        assertThat(api.done.await(60, TimeUnit.SECONDS))
            .as("all invocations answered; errors: " + api.errors)
            .isTrue();
      } finally {
        lambda.destroy();
        lambda.waitFor(10, TimeUnit.SECONDS);
      }
      assertThat(api.errors).isEmpty();

      JsonNode init = httpBody(api.responses.get("init"));
      assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("weather");
      JsonNode list = httpBody(api.responses.get("list"));
      assertThat(list.at("/result/tools/0/name").asText()).isEqualTo("get_weather");
      JsonNode call = httpBody(api.responses.get("call"));
      assertThat(call.at("/result/content/0/text").asText())
          .isEqualTo("The weather in Oslo is sunny and 72°F.");
      assertThat(api.responses.get("agentcore"))
          .isEqualTo(
              "{\"content\":[{\"type\":\"text\",\"text\":\"The weather in Lima is sunny and 72°F.\"}]}");
    }
  }

  private static JsonNode httpBody(String response) throws IOException {
    JsonNode http = Json.parse(response);
    assertThat(http.path("statusCode").asInt()).as(response).isEqualTo(200);
    assertThat(http.at("/headers/Content-Type").asText()).isEqualTo("application/json");
    return Json.parse(http.path("body").asText());
  }

  private static String httpApiEvent(String body) {
    return Json.write(
        gen -> {
          gen.writeStartObject();
          gen.writeStringField("version", "2.0");
          gen.writeStringField("routeKey", "POST /mcp");
          gen.writeStringField("rawPath", "/mcp");
          gen.writeObjectFieldStart("headers");
          gen.writeStringField("content-type", "application/json");
          gen.writeStringField("accept", "application/json, text/event-stream");
          gen.writeEndObject();
          gen.writeObjectFieldStart("requestContext");
          gen.writeObjectFieldStart("http");
          gen.writeStringField("method", "POST");
          gen.writeStringField("path", "/mcp");
          gen.writeEndObject();
          gen.writeEndObject();
          gen.writeStringField("body", body);
          gen.writeBooleanField("isBase64Encoded", false);
          gen.writeEndObject();
        });
  }

  private static Process startRuntimeClient(String runtimeApi) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path")
                    + File.pathSeparator
                    + System.getProperty("surefire.test.class.path", ""),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                "dev.toolsmith.examples.weather.WeatherHandler::handleRequest"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile("lambda-ric", ".log").toFile());
    builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "weather");
    builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    builder.environment().put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/weather");
    builder.environment().put("AWS_LAMBDA_LOG_STREAM_NAME", "test");
    return builder.start();
  }

  /**
   * One event the fake service hands out, with an optional client context (AgentCore sends one).
   */
  record Invocation(String id, String event, String clientContext) {}

  /** The Lambda Runtime API, as much of it as the runtime interface client uses. */
  static final class FakeRuntimeApi implements AutoCloseable {
    final Map<String, String> responses = new ConcurrentHashMap<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final CountDownLatch done;
    private final BlockingQueue<Invocation> pending;
    private final HttpServer http;

    FakeRuntimeApi(List<Invocation> invocations) throws IOException {
      this.pending = new LinkedBlockingQueue<>(invocations);
      this.done = new CountDownLatch(invocations.size());
      this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.setExecutor(
          Executors.newCachedThreadPool(
              r -> {
                Thread thread = new Thread(r, "fake-runtime-api");
                thread.setDaemon(true);
                return thread;
              }));
      http.createContext("/", this::handle);
      http.start();
    }

    String address() {
      return "127.0.0.1:" + http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.equals(NEXT)) {
          Invocation next = pending.poll(120, TimeUnit.SECONDS);
          if (next == null) {
            exchange.sendResponseHeaders(500, -1);
            return;
          }
          var headers = exchange.getResponseHeaders();
          // The native client needs a Content-Type, or it crashes on a null header.
          headers.set("Content-Type", "application/json");
          headers.set("Lambda-Runtime-Aws-Request-Id", next.id());
          headers.set(
              "Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 30_000));
          headers.set(
              "Lambda-Runtime-Invoked-Function-Arn",
              "arn:aws:lambda:us-east-1:123456789012:function:weather");
          headers.set(
              "Lambda-Runtime-Trace-Id", "Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;Sampled=0");
          if (next.clientContext() != null) {
            headers.set("Lambda-Runtime-Client-Context", next.clientContext());
          }
          byte[] event = next.event().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, event.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(event);
          }
          return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String[] parts = path.split("/");
        if (path.endsWith("/response")) {
          responses.put(parts[parts.length - 2], text);
          done.countDown();
        } else {
          errors.add(path + ": " + text);
          done.countDown();
        }
        exchange.sendResponseHeaders(202, -1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }
}
