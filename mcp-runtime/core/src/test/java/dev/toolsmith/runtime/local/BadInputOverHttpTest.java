package dev.toolsmith.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Streamable HTTP rule, over real HTTP against the local server: the status, the JSON-RPC
 * code and the message a client gets for each kind of bad input.
 */
class BadInputOverHttpTest {
  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
  private static LocalMcpServer local;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    McpServer server =
        McpServer.builder()
            .name("matrix")
            .tools(new EchoPack())
            .discoverTools(false)
            .maxBodyBytes(1024)
            .allowedOrigins("https://app.example.com")
            .build();
    local = LocalMcpServer.builder(server).port(0).start();
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void get_is405WithAllow() throws Exception {
    HttpResponse<String> response = send(request().GET().header("Accept", "text/event-stream"));
    assertError(response, 405, -32000, "HTTP GET is not supported");
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void delete_is405WithoutSessions() throws Exception {
    assertError(send(request().DELETE()), 405, -32000, "HTTP DELETE is not supported");
  }

  @Test
  void optionsWithoutCors_is405() throws Exception {
    assertError(
        send(request().method("OPTIONS", HttpRequest.BodyPublishers.noBody())),
        405,
        -32000,
        "HTTP OPTIONS");
  }

  @Test
  void foreignOrigin_is403() throws Exception {
    assertError(
        send(post(PING).header("Origin", "https://evil.example.com")),
        403,
        -32000,
        "Origin 'https://evil.example.com' is not allowed");
  }

  @Test
  void configuredAndLocalhostOrigins_areAllowed() throws Exception {
    assertThat(send(post(PING).header("Origin", "https://app.example.com")).statusCode())
        .isEqualTo(200);
    assertThat(send(post(PING).header("Origin", "http://localhost:6274")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void foreignHost_is403OnLoopback() throws Exception {
    // java.net.http refuses to set Host, so speak HTTP/1.1 over a socket as a rebinding browser
    // would.
    try (Socket socket = new Socket("127.0.0.1", local.port())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              ("POST /mcp HTTP/1.1\r\nHost: evil.example.com\r\nContent-Type: application/json\r\n"
                      + "Accept: application/json\r\nContent-Length: "
                      + PING.length()
                      + "\r\n\r\n"
                      + PING)
                  .getBytes(StandardCharsets.US_ASCII));
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(reader.readLine()).startsWith("HTTP/1.1 403");
      int length = 0;
      for (String line = reader.readLine(); !line.isEmpty(); line = reader.readLine()) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring("content-length:".length()).trim());
        }
      }
      char[] body = new char[length];
      assertThat(reader.read(body)).isEqualTo(length);
      assertThat(new String(body)).contains("Host 'evil.example.com' is not this server's");
    }
  }

  @Test
  void oversizedBody_is413() throws Exception {
    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
            + "x".repeat(2000)
            + "\"}}";
    assertError(send(post(big)), 413, -32000, "larger than the 1024 bytes");
  }

  @Test
  void wrongContentType_is415() throws Exception {
    assertError(
        send(post(PING).setHeader("Content-Type", "text/plain")),
        415,
        -32000,
        "Content-Type must be application/json, got 'text/plain'");
  }

  @Test
  void contentTypeWithCharset_isAccepted() throws Exception {
    assertThat(
            send(post(PING).setHeader("Content-Type", "application/json; charset=utf-8"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void acceptWithoutJson_is406() throws Exception {
    assertError(
        send(post(PING).setHeader("Accept", "text/html")),
        406,
        -32000,
        "Accept must admit application/json");
  }

  @Test
  void acceptWildcardAndParameters_areAccepted() throws Exception {
    assertThat(
            send(post(PING).setHeader("Accept", "application/json;q=0.9, text/event-stream"))
                .statusCode())
        .isEqualTo(200);
    assertThat(send(post(PING).setHeader("Accept", "*/*")).statusCode()).isEqualTo(200);
  }

  @Test
  void malformedJson_is400ParseError() throws Exception {
    assertError(
        send(post("{\"jsonrpc\": \"2.0\", \"id\": 1,")), 400, -32700, "The body is not valid JSON");
  }

  @Test
  void emptyBody_is400ParseError() throws Exception {
    assertError(send(post("")), 400, -32700, "the input is empty");
  }

  @Test
  void duplicateKeys_are400ParseError() throws Exception {
    assertError(
        send(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}")),
        400,
        -32700,
        "Duplicate field 'id'");
  }

  @Test
  void batch_is400InvalidRequest() throws Exception {
    assertError(
        send(post("[" + PING + "," + PING + "]")),
        400,
        -32600,
        "JSON-RPC batches are not supported");
  }

  @Test
  void notJsonRpc_is400InvalidRequest() throws Exception {
    assertError(
        send(post("{\"id\":1,\"method\":\"ping\"}")), 400, -32600, "\"jsonrpc\" must be \"2.0\"");
    assertError(
        send(post("{\"jsonrpc\":\"2.0\",\"id\":1}")), 400, -32600, "needs a \"method\" string");
    assertError(
        send(post("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}")),
        400,
        -32600,
        "\"id\" must be a string or an integer");
    assertError(
        send(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[]}")),
        400,
        -32600,
        "\"params\" must be an object");
  }

  @Test
  void wrongPath_is404() throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(local.url().resolve("/other"))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(PING));
    assertError(send(builder), 404, -32000, "There is no MCP endpoint at /other; it is at /mcp.");
  }

  @Test
  void notification_is202WithNoBody() throws Exception {
    HttpResponse<String> response =
        send(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Type")).isEmpty();
  }

  @Test
  void unknownTool_isInvalidParams() throws Exception {
    HttpResponse<String> response =
        send(
            post(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}"));
    assertError(response, 200, -32602, "Unknown tool 'nope'. Known tools: echo");
  }

  @Test
  void wrongArgumentType_isAnErrorResult() throws Exception {
    HttpResponse<String> response =
        send(
            post(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"echo\",\"arguments\":{\"text\":5}}}"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = Json.parse(response.body()).path("result");
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asText()).contains("text: expected a string");
  }

  @Test
  void corsPreflight_whenEnabled() throws Exception {
    McpServer server =
        McpServer.builder()
            .name("cors")
            .discoverTools(false)
            .cors(true)
            .allowedOrigins("https://app.example.com")
            .build();
    try (LocalMcpServer cors = LocalMcpServer.builder(server).port(0).start()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(cors.url())
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "https://app.example.com")
                  .header("Access-Control-Request-Method", "POST")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://app.example.com");
      assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
          .contains("Mcp-Method");
    }
  }

  private static HttpRequest.Builder request() {
    return HttpRequest.newBuilder(local.url()).timeout(Duration.ofSeconds(5));
  }

  private static HttpRequest.Builder post(String body) {
    return request()
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(
      HttpResponse<String> response, int status, int code, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode error = Json.parse(response.body()).path("error");
    assertThat(error.path("code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(error.path("message").asText()).contains(message);
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }
}
