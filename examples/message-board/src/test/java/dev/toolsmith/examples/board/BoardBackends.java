package dev.toolsmith.examples.board;

import dev.toolsmith.runtime.auth.oidc.OidcAuthenticator;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.local.LocalMcpServer;
import dev.toolsmith.runtime.server.McpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The real parts the board's tests share, started once per test JVM: an embedded PostgreSQL, a
 * mock-oauth2-server issuing signed tokens over HTTP, and the board on a loopback port, checking
 * those tokens through OIDC discovery and the issuer's JWKS.
 */
final class BoardBackends {
  private static BoardBackends instance;

  final EmbeddedPostgres postgres;
  final MockOAuth2Server oauth;
  final Database database;
  final McpServer server;
  final LocalMcpServer http;
  final String serverUrl;

  private BoardBackends() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    oauth = new MockOAuth2Server();
    oauth.start();
    int port = freePort();
    serverUrl = "http://127.0.0.1:" + port + "/mcp";
    database = new Database(jdbcUrl(), "postgres", null, 4);
    OidcAuthenticator auth =
        OidcAuthenticator.issuer(issuer())
            .audience(serverUrl)
            .scopesSupported(BoardTools.READ, BoardTools.WRITE)
            .build();
    server = MessageBoard.create(auth, database);
    http = LocalMcpServer.start(server, port);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "board-backends-stop"));
  }

  static synchronized BoardBackends get() throws IOException {
    if (instance == null) {
      instance = new BoardBackends();
    }
    return instance;
  }

  String issuer() {
    return oauth.issuerUrl("default").toString();
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /**
   * Gets a token from the issuer's token endpoint over HTTP, for this server, with these scopes.
   */
  String token(String subject, String scope) {
    return token(
        subject, List.of(serverUrl), scope.isEmpty() ? Map.of() : Map.of("scope", scope), 600);
  }

  /** Gets a token from the token endpoint over HTTP, with exactly these claims. */
  String token(
      String subject, List<String> audience, Map<String, Object> claims, long expirySeconds) {
    oauth.enqueueCallback(
        new DefaultOAuth2TokenCallback("default", subject, "JWT", audience, claims, expirySeconds));
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(subject, StandardCharsets.UTF_8)
            + "&client_secret=secret&scope="
            + URLEncoder.encode(
                String.valueOf(claims.getOrDefault("scope", "openid")), StandardCharsets.UTF_8);
    try {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(oauth.tokenEndpointUrl("default").uri())
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Token endpoint answered "
                + response.statusCode()
                + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      }
      return Json.parse(response.body()).path("access_token").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends one JSON-RPC message with this Authorization value (or none) and returns the raw
   * response.
   */
  HttpResponse<String> post(String authorization, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(serverUrl))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2025-11-25")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String toolCall(String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":"
        + arguments
        + "}}";
  }

  private void stop() {
    http.close();
    oauth.shutdown();
    try {
      postgres.close();
    } catch (IOException e) {
      // The JVM is exiting; the data directory is temporary either way.
    }
  }

  static int freePort() throws IOException {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
