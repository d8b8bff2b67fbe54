package dev.toolsmith.runtime.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.runtime.testing.HttpWire;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an attacker or a broken client sends, on a raw socket: every answer is a JSON error with the
 * right status, the body is never read when the head already decides, and slow clients cannot
 * starve others.
 */
class HardeningTest {
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
  private static McpHttpServer open;
  private static McpHttpServer guarded;

  @BeforeAll
  static void start() throws Exception {
    open =
        McpHttpServer.builder(server(false))
            .port(0)
            .firstRequestTimeout(Duration.ofSeconds(2))
            .stopOnSignal(false)
            .start();
    guarded = McpHttpServer.builder(server(true)).port(0).stopOnSignal(false).start();
  }

  private static McpServer server(boolean auth) {
    McpServer.Builder builder =
        McpServer.builder()
            .name("hardened")
            .discoverTools(false)
            .tools(new EchoPack())
            .maxBodyBytes(64 * 1024);
    if (auth) {
      builder.auth(BearerTokenAuthenticator.of("s3cret-token-of-enough-length"));
    }
    return builder.build();
  }

  @AfterAll
  static void stop() {
    open.close();
    guarded.close();
  }

  private static HttpWire.Response exchange(McpHttpServer server, String raw) throws Exception {
    try (HttpWire wire = HttpWire.connect(server.url())) {
      return wire.send(raw).response();
    }
  }

  private static void assertJsonError(HttpWire.Response response, int status, String text)
      throws Exception {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    JsonNode error = Json.parse(response.body()).path("error");
    assertThat(error.path("message").asText()).contains(text).doesNotContain("Exception");
    assertThat(response.body()).doesNotContain("<html").doesNotContain("org.eclipse");
  }

  @Test
  void theHealthProbe_answersWithoutCredentials() throws Exception {
    HttpWire.Response response =
        exchange(guarded, "GET /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"Healthy\"}");
  }

  @Test
  void aBareCarriageReturnInAHeader_isRefused() throws Exception {
    HttpWire.Response response =
        exchange(
            open,
            "POST /mcp HTTP/1.1\r\nHost: localhost\r\nX-Evil: a\rInjected: yes\r\n"
                + "Content-Length: 0\r\n\r\n");
    assertJsonError(response, 400, "not valid HTTP/1.1");
  }

  @Test
  void anUnknownHttpVersion_isRefused() throws Exception {
    HttpWire.Response response =
        exchange(open, "POST /mcp HTTP/9.9\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
    assertThat(response.status()).isIn(400, 505);
    assertThat(response.body()).doesNotContain("<html");
  }

  @Test
  void tooManyHeaders_get431() throws Exception {
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      headers.append("X-H").append(i).append(": v\r\n");
    }
    String request = HttpWire.post(open.url(), LIST, headers.toString().trim().split("\r\n"));
    assertJsonError(exchange(open, request), 431, "headers");
  }

  @Test
  void aHugeHeader_gets431() throws Exception {
    String request = HttpWire.post(open.url(), LIST, "X-Big: " + "a".repeat(1024 * 1024));
    try (HttpWire wire = HttpWire.connect(open.url())) {
      try {
        wire.send(request);
      } catch (java.net.SocketException e) {
        // The server answered at 16 KiB and closed while the client was still sending the rest of
        // the megabyte, as it should; the answer is already on its way back.
      }
      assertJsonError(wire.response(), 431, "headers are larger");
    }
  }

  @Test
  void anUnknownTransferEncoding_isRefusedAsJson() throws Exception {
    HttpWire.Response response =
        exchange(
            open,
            "POST /mcp HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip-magic\r\n"
                + "Content-Type: application/json\r\n\r\n");
    assertThat(response.status()).isBetween(400, 501);
    assertThat(response.body()).doesNotContain("<html").doesNotContain("org.eclipse");
  }

  @Test
  void aDeclaredOversizedBody_gets413BeforeItIsSent() throws Exception {
    try (HttpWire wire = HttpWire.connect(open.url())) {
      wire.send(
          "POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Accept: application/json, text/event-stream\r\nContent-Length: 536870912\r\n\r\n");
      assertJsonError(wire.response(), 413, "larger than the 65536 bytes");
    }
  }

  @Test
  void anUnauthenticatedClient_isRefusedBeforeItsBodyIsRead() throws Exception {
    try (HttpWire wire = HttpWire.connect(guarded.url())) {
      wire.send(
          "POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Accept: application/json, text/event-stream\r\nContent-Length: 60000\r\n\r\n{");
      HttpWire.Response response = wire.response();
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }
  }

  /**
   * A refusal answered before the body is read must not lose the next request: the body is dropped
   * after the response, so the kept-alive connection is not reset under the client (which failed
   * BoardTokensIT once with "header parser received no bytes").
   */
  @Test
  void aKeepAliveClient_getsAnAnswerToEveryRequest_afterRefusalsOfUnreadBodies() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}"
            + " ".repeat(30_000);
    for (int i = 0; i < 40; i++) {
      java.net.http.HttpResponse<String> response =
          http.send(
              java.net.http.HttpRequest.newBuilder(guarded.url())
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json, text/event-stream")
                  .header("Authorization", "Bearer wrong-" + i)
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aChunkedBodyOverTheLimit_isCutAt413() throws Exception {
    StringBuilder request =
        new StringBuilder(
            "POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
    String chunk = "a".repeat(8192);
    for (int i = 0; i < 9; i++) {
      request
          .append(Integer.toHexString(chunk.length()))
          .append("\r\n")
          .append(chunk)
          .append("\r\n");
    }
    try (HttpWire wire = HttpWire.connect(open.url())) {
      wire.send(request.toString());
      assertJsonError(wire.response(), 413, "larger than the 65536 bytes");
    }
  }

  @Test
  void aWrongPath_getsAJson404() throws Exception {
    HttpWire.Response response =
        exchange(open, "GET /admin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertJsonError(response, 404, "it is at /mcp");
  }

  @Test
  void aForeignHost_isRefusedOnLoopback() throws Exception {
    String request =
        HttpWire.post(open.url(), LIST).replaceFirst("Host: [^\r]+", "Host: evil.example");
    assertJsonError(exchange(open, request), 403, "Host 'evil.example'");
  }

  @Test
  void aConnectionThatNeverFinishesItsFirstRequest_gets408() throws Exception {
    try (HttpWire wire = HttpWire.connect(open.url())) {
      wire.send("POST /mcp HTTP/1.1\r\nHost: loc");
      assertJsonError(wire.response(), 408, "did not arrive in time");
    }
  }

  @Test
  void keepAlive_answersManyRequestsOnOneConnectionWithoutStalls() throws Exception {
    // A Nagle/delayed-ACK stall costs ~40 ms a request; 200 requests would then take 8 s.
    try (HttpWire wire = HttpWire.connect(open.url())) {
      long start = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        assertThat(wire.send(HttpWire.post(open.url(), LIST)).response().status()).isEqualTo(200);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void sixtyFourTricklingClients_doNotDelayOthers() throws Exception {
    // Its own server, with the default 10 s for a first request: on the shared one, whose 2 s
    // limit the 408 test needs, the trickling connections would be closed during the third round.
    List<HttpWire> slow = new ArrayList<>();
    try (McpHttpServer patient =
        McpHttpServer.builder(server(false)).port(0).stopOnSignal(false).start()) {
      for (int i = 0; i < 64; i++) {
        HttpWire wire = HttpWire.connect(patient.url());
        wire.send("POST /mcp HTTP/1.1\r\n");
        slow.add(wire);
      }
      Duration slowest = Duration.ZERO;
      for (int second = 0; second < 3; second++) {
        for (HttpWire wire : slow) {
          wire.send("X".getBytes(StandardCharsets.US_ASCII));
        }
        long start = System.nanoTime();
        HttpWire.Response response = exchange(patient, HttpWire.post(patient.url(), LIST));
        assertThat(response.status()).isEqualTo(200);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        slowest = took.compareTo(slowest) > 0 ? took : slowest;
        Thread.sleep(1000);
      }
      System.out.println(
          "Slowest answer beside 64 trickling clients: " + slowest.toMillis() + " ms");
    } finally {
      for (HttpWire wire : slow) {
        wire.close();
      }
    }
  }

  @Test
  void pastTheConnectionLimit_aNewConnectionWaitsUntilOneCloses() throws Exception {
    McpHttpServer limited =
        McpHttpServer.builder(server(false)).port(0).maxConnections(2).stopOnSignal(false).start();
    HttpWire first = HttpWire.connect(limited.url());
    try (HttpWire second = HttpWire.connect(limited.url())) {
      assertThat(first.send(HttpWire.post(limited.url(), LIST)).response().status()).isEqualTo(200);
      assertThat(second.send(HttpWire.post(limited.url(), LIST)).response().status())
          .isEqualTo(200);
      try (HttpWire third = HttpWire.connect(limited.url()).timeout(500)) {
        third.send(HttpWire.post(limited.url(), LIST));
        org.assertj.core.api.Assertions.assertThatThrownBy(third::response)
            .isInstanceOf(java.net.SocketTimeoutException.class);
        first.close();
        third.timeout(5000);
        assertThat(third.response().status()).isEqualTo(200);
      }
    } finally {
      first.close();
      limited.close();
    }
  }

  @Test
  void shutdown_letsRunningRequestsFinish_andRefusesNewOnesWith503() throws Exception {
    McpHttpServer server =
        McpHttpServer.builder(
                McpServer.builder()
                    .name("stopping")
                    .discoverTools(false)
                    .tools(new dev.toolsmith.runtime.testing.AskingPack())
                    .build())
            .port(0)
            .gracePeriod(Duration.ofSeconds(5))
            .stopOnSignal(false)
            .start();
    URI url = server.url();
    try (HttpWire running = HttpWire.connect(url);
        HttpWire idle = HttpWire.connect(url)) {
      assertThat(idle.send(HttpWire.post(url, LIST)).response().status()).isEqualTo(200);
      running.send(
          HttpWire.post(
              url,
              "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"nap\"}}"));
      Thread.sleep(150);
      Thread closer = new Thread(server::close);
      closer.start();
      Thread.sleep(150);
      HttpWire.Response refused = idle.send(HttpWire.post(url, LIST)).response();
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.body()).contains("shutting down");
      HttpWire.Response finished = running.response();
      assertThat(finished.status()).isEqualTo(200);
      assertThat(finished.body()).contains("rested");
      closer.join(10_000);
    }
  }
}
