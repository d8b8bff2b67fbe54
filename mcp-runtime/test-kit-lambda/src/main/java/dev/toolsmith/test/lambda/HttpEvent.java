package dev.toolsmith.test.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as AWS delivers it to a Lambda function, in the shape of the service in front:
 * API Gateway REST APIs (payload 1.0), HTTP APIs (payload 2.0), Function URLs, and Application Load
 * Balancers with single or multi-value headers. Each is written with the members and header casing
 * that service uses, so a handler test reads what production reads.
 *
 * <pre>{@code
 * LambdaResponse response = LambdaResponse.invoke(new WeatherHandler(),
 *     HttpEvent.functionUrl().toolCall("get_weather", "{\"city\":\"Lisbon\"}"));
 * response.statusCode();                                  // 200
 * response.bodyJson().at("/result/content/0/text");       // "The weather in Lisbon is..."
 * }</pre>
 *
 * <p>Instances are mutable builders; {@link #toJson} renders the event.
 */
public final class HttpEvent {
  private enum Shape {
    API_GATEWAY_V1("abc123.execute-api.us-east-1.amazonaws.com"),
    API_GATEWAY_V2("abc123.execute-api.us-east-1.amazonaws.com"),
    FUNCTION_URL("abc123.lambda-url.us-east-1.on.aws"),
    ALB("mcp-alb-123.us-east-1.elb.amazonaws.com"),
    ALB_MULTI_VALUE("mcp-alb-123.us-east-1.elb.amazonaws.com");

    final String host;

    Shape(String host) {
      this.host = host;
    }
  }

  private static final String SOURCE_IP = "203.0.113.7";

  private final Shape shape;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String method = "POST";
  private String path = "/mcp";
  private String body = "";
  private boolean base64;

  private HttpEvent(Shape shape) {
    this.shape = shape;
    header("Host", shape.host);
  }

  /** An API Gateway REST API event (payload format 1.0). */
  public static HttpEvent apiGatewayV1() {
    return new HttpEvent(Shape.API_GATEWAY_V1);
  }

  /** An API Gateway HTTP API event (payload format 2.0). */
  public static HttpEvent apiGatewayV2() {
    return new HttpEvent(Shape.API_GATEWAY_V2);
  }

  /** A Lambda Function URL event (payload format 2.0, route {@code $default}). */
  public static HttpEvent functionUrl() {
    return new HttpEvent(Shape.FUNCTION_URL);
  }

  /** An Application Load Balancer event with single-value headers. */
  public static HttpEvent alb() {
    return new HttpEvent(Shape.ALB);
  }

  /** An Application Load Balancer event with multi-value headers turned on. */
  public static HttpEvent albMultiValue() {
    return new HttpEvent(Shape.ALB_MULTI_VALUE);
  }

  /** Sets the method; {@code POST} unless set. */
  public HttpEvent method(String method) {
    this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    return this;
  }

  /** Sets the path; {@code /mcp} unless set. */
  public HttpEvent path(String path) {
    this.path = Objects.requireNonNull(path, "path");
    return this;
  }

  /**
   * Sets a header, replacing one of the same name. REST API events keep the case given; the other
   * services deliver header names in lower case, and so does this event.
   */
  public HttpEvent header(String name, String value) {
    headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
    headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Sets {@code Authorization: Bearer <token>}. */
  public HttpEvent bearer(String token) {
    return header("Authorization", "Bearer " + token);
  }

  /** Sets the body as text. */
  public HttpEvent body(String body) {
    this.body = Objects.requireNonNull(body, "body");
    return this;
  }

  /** Sends the body Base64-encoded, as Function URLs and ALBs do for some content types. */
  public HttpEvent base64Encoded() {
    this.base64 = true;
    return this;
  }

  /**
   * Makes this a POST of a JSON-RPC message with the media types MCP asks for: {@code Content-Type:
   * application/json} and {@code Accept: application/json, text/event-stream}.
   */
  public HttpEvent jsonRpc(String message) {
    return method("POST")
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .body(message);
  }

  /**
   * Makes this a 2026-07-28 {@code tools/call}: the JSON-RPC message with its {@code _meta}, and
   * the {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} headers.
   *
   * @param arguments the tool's arguments as JSON text, such as {@code {"city":"Lisbon"}}
   */
  public HttpEvent toolCall(String tool, String arguments) {
    String message =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
            + Json.toString(Json.nodes().textNode(tool))
            + ",\"arguments\":"
            + arguments
            + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{},"
            + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"toolsmith-test\",\"version\":\"1\"}}}}";
    return jsonRpc(message)
        .header("MCP-Protocol-Version", "2026-07-28")
        .header("Mcp-Method", "tools/call")
        .header("Mcp-Name", tool);
  }

  /** Returns the event as the service would send it. */
  public String toJson() {
    ObjectNode event = Json.object();
    switch (shape) {
      case API_GATEWAY_V1 -> restApi(event);
      case API_GATEWAY_V2, FUNCTION_URL -> httpApi(event);
      case ALB, ALB_MULTI_VALUE -> loadBalancer(event);
    }
    event.put(
        "body",
        base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
    event.put("isBase64Encoded", base64);
    return Json.toString(event);
  }

  private void restApi(ObjectNode event) {
    event.put("resource", path);
    event.put("path", path);
    event.put("httpMethod", method);
    ObjectNode single = event.putObject("headers");
    ObjectNode multi = event.putObject("multiValueHeaders");
    headers.forEach(
        (name, value) -> {
          single.put(name, value);
          multi.putArray(name).add(value);
        });
    event.putNull("queryStringParameters");
    event.putNull("multiValueQueryStringParameters");
    event.putNull("pathParameters");
    event.putNull("stageVariables");
    ObjectNode context = event.putObject("requestContext");
    context.put("resourcePath", path);
    context.put("httpMethod", method);
    context.put("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    context.put("path", "/prod" + path);
    context.put("accountId", "123456789012");
    context.put("stage", "prod");
    context.putObject("identity").put("sourceIp", SOURCE_IP).put("userAgent", "toolsmith-test");
    context.put("apiId", "abc123");
  }

  private void httpApi(ObjectNode event) {
    String routeKey = shape == Shape.FUNCTION_URL ? "$default" : method + " " + path;
    event.put("version", "2.0");
    event.put("routeKey", routeKey);
    event.put("rawPath", path);
    event.put("rawQueryString", "");
    ObjectNode lower = event.putObject("headers");
    headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", shape == Shape.FUNCTION_URL ? "anonymous" : "123456789012");
    context.put("apiId", "abc123");
    context.put("domainName", shape.host);
    context.put("domainPrefix", "abc123");
    context
        .putObject("http")
        .put("method", method)
        .put("path", path)
        .put("protocol", "HTTP/1.1")
        .put("sourceIp", SOURCE_IP)
        .put("userAgent", "toolsmith-test");
    context.put("requestId", "JKJaXmPLvHcESHA=");
    context.put("routeKey", routeKey);
    context.put("stage", "$default");
    context.put("time", "01/Dec/2026:12:00:00 +0000");
    context.put("timeEpoch", 1_796_126_400_000L);
  }

  private void loadBalancer(ObjectNode event) {
    event
        .putObject("requestContext")
        .putObject("elb")
        .put(
            "targetGroupArn",
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/mcp/6d0ecf831eec9f09");
    event.put("httpMethod", method);
    event.put("path", path);
    boolean multiValue = shape == Shape.ALB_MULTI_VALUE;
    event.putObject(multiValue ? "multiValueQueryStringParameters" : "queryStringParameters");
    ObjectNode out = event.putObject(multiValue ? "multiValueHeaders" : "headers");
    headers.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (multiValue) {
            out.putArray(lower).add(value);
          } else {
            out.put(lower, value);
          }
        });
  }
}
