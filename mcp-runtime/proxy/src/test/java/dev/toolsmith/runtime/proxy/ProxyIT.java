package dev.toolsmith.runtime.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.auth.oidc.OidcAuthenticator;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.local.LocalMcpServer;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged proxy, driven over stdio as a desktop client drives it, against an OIDC-protected
 * server and mock-oauth2-server: the 401 leads it through protected-resource metadata and the
 * authorization server's metadata to a PKCE sign-in, which this test completes the way a browser
 * would (following the authorization endpoint's redirect to the loopback callback); a token about
 * to expire is refreshed at the issuer before the next request.
 */
class ProxyIT {
  private static final Path JAR =
      Path.of(System.getProperty("proxy.jar", "target/toolsmith-proxy.jar"));
  private MockOAuth2Server oauth;
  private LocalMcpServer local;
  private String serverUrl;
  private Process proxy;
  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private final List<String> signInUrls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    oauth = new MockOAuth2Server();
    oauth.start();
    int port;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    serverUrl = "http://127.0.0.1:" + port + "/mcp";
    McpServer server =
        McpServer.builder()
            .name("guarded")
            .discoverTools(false)
            .tools(new WhoAmI())
            .auth(
                OidcAuthenticator.issuer(oauth.issuerUrl("default").toString())
                    .audience(serverUrl)
                    .scopesSupported("notes:read")
                    .build())
            .build();
    local = LocalMcpServer.start(server, port);
  }

  @AfterEach
  void stop() throws Exception {
    if (proxy != null) {
      proxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    local.close();
    oauth.shutdown();
  }

  @Test
  void signsInWithPkceInTheBrowser_bridgesBothEras_andRefreshesBeforeTheTokenExpires()
      throws Exception {
    // The first token expires within the proxy's refresh margin; the refreshed one does not.
    oauth.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default",
            "ada",
            "JWT",
            List.of(serverUrl),
            Map.of("scope", "notes:read", "generation", "first"),
            20));
    oauth.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default",
            "ada",
            "JWT",
            List.of(serverUrl),
            Map.of("scope", "notes:read", "generation", "refreshed"),
            3600));
    Writer in = startProxy("--client-id", "desktop-app", "--no-browser", serverUrl);

    send(
        in,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"desktop\",\"version\":\"1\"}}}");
    JsonNode initialized = next();
    assertThat(initialized.at("/result/serverInfo/name").asText())
        .as(String.join("\n", stderr))
        .isEqualTo("guarded");

    assertThat(signInUrls).hasSize(1);
    Map<String, String> authorize =
        dev.toolsmith.runtime.internal.http.FormData.decode(
            URI.create(signInUrls.get(0)).getRawQuery());
    assertThat(signInUrls.get(0)).startsWith(oauth.authorizationEndpointUrl("default").toString());
    assertThat(authorize)
        .containsEntry("client_id", "desktop-app")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("resource", serverUrl)
        .containsEntry("scope", "openid notes:read")
        .containsEntry("response_type", "code");
    assertThat(authorize.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(authorize.get("redirect_uri")).matches("http://127\\.0\\.0\\.1:\\d+/callback");

    send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    send(
        in,
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\",\"arguments\":{}}}");
    assertThat(next().at("/result/content/0/text").asText())
        .isEqualTo("ada with the refreshed token");

    send(
        in,
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\",\"_meta\":{"
            + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{},"
            + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"desktop\",\"version\":\"1\"}}}}");
    JsonNode modern = next();
    assertThat(modern.at("/result/content/0/text").asText())
        .as(modern.toString())
        .isEqualTo("ada with the refreshed token");
    assertThat(modern.at("/result/resultType").asText()).isEqualTo("complete");

    send(in, "this is not json");
    assertThat(next().at("/error/code").asInt()).isEqualTo(-32700);
    assertThat(signInUrls).hasSize(1);

    in.close();
    assertThat(proxy.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(proxy.exitValue()).isZero();
  }

  @Test
  void aServerThatCannotBeReachedIsAnErrorForTheRequest_notACrash() throws Exception {
    local.close();
    Writer in = startProxy("--no-browser", serverUrl);

    send(in, "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\"}");

    JsonNode error = next();
    assertThat(error.path("id").asText()).isEqualTo("a");
    assertThat(error.at("/error/message").asText())
        .startsWith("The proxy could not reach " + serverUrl);
    in.close();
    assertThat(proxy.waitFor(20, TimeUnit.SECONDS)).isTrue();
  }

  private Writer startProxy(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    proxy = new ProcessBuilder(command).start();
    pump(
        new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8)),
        stdout::add);
    pump(
        new BufferedReader(new InputStreamReader(proxy.getErrorStream(), StandardCharsets.UTF_8)),
        this::onStderr);
    return new OutputStreamWriter(proxy.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * Plays the user's browser: follows the sign-in URL through the authorization server to the
   * callback.
   */
  private void onStderr(String line) {
    stderr.add(line);
    if (line.startsWith("http")) {
      signInUrls.add(line);
      try {
        HttpResponse<String> page =
            HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build()
                .send(
                    HttpRequest.newBuilder(URI.create(line)).build(),
                    HttpResponse.BodyHandlers.ofString());
        stderr.add("[browser] " + page.statusCode() + " " + page.body());
      } catch (Exception e) {
        stderr.add("[browser] failed: " + e);
      }
    }
  }

  private static void pump(BufferedReader reader, java.util.function.Consumer<String> sink) {
    Thread thread =
        new Thread(
            () -> {
              try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  sink.accept(line);
                }
              } catch (java.io.IOException e) {
                // The process ended.
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  private static void send(Writer in, String message) throws Exception {
    in.write(message + "\n");
    in.flush();
  }

  private JsonNode next() throws Exception {
    String line = stdout.poll(60, TimeUnit.SECONDS);
    assertThat(line).as("a message on stdout; stderr:\n" + String.join("\n", stderr)).isNotNull();
    return Json.parse(line.getBytes(StandardCharsets.UTF_8));
  }

  /** Says who called, and which token generation they used. */
  private static final class WhoAmI implements ToolPack {
    @Override
    public List<ToolDescriptor> tools() {
      return List.of(
          ToolDescriptor.of("whoami", "{\"name\":\"whoami\",\"inputSchema\":{\"type\":\"object\"}}")
              .requiringScopes("notes:read"));
    }

    @Override
    public ToolResult call(String tool, ToolCall call) {
      var caller = call.context().identity();
      return ToolResult.text(
          caller.subject()
              + " with the "
              + caller.claim("generation").map(JsonNode::asText).orElse("?")
              + " token");
    }
  }
}
