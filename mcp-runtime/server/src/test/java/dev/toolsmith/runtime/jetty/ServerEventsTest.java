package dev.toolsmith.runtime.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.session.SessionStore;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.runtime.testing.HttpWire;
import dev.toolsmith.runtime.testing.LibraryPack;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code GET} stream of a handshake-era session: server notifications reach it, resource
 * updates only when the session subscribed, and keep-alive comments keep it open.
 */
class ServerEventsTest {
  private static McpServer server;
  private static McpHttpServer http;

  @BeforeAll
  static void start() throws Exception {
    server =
        McpServer.builder()
            .name("events")
            .discoverTools(false)
            .tools(new EchoPack(), new LibraryPack())
            .sessions(SessionStore.inMemory())
            .keepAliveInterval(Duration.ofMillis(200))
            .build();
    http = McpHttpServer.builder(server).port(0).stopOnSignal(false).start();
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static HttpWire.Response post(String json, String session) throws Exception {
    try (HttpWire wire = HttpWire.connect(http.url())) {
      return session == null
          ? wire.send(HttpWire.post(http.url(), json)).response()
          : wire.send(
                  HttpWire.post(
                      http.url(),
                      json,
                      "Mcp-Session-Id: " + session,
                      "MCP-Protocol-Version: 2025-11-25"))
              .response();
    }
  }

  private static String initialize() throws Exception {
    HttpWire.Response response =
        post(
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
            null);
    JsonNode capabilities = Json.parse(response.body()).at("/result/capabilities");
    assertThat(capabilities.at("/resources/subscribe").asBoolean()).isTrue();
    assertThat(capabilities.at("/tools/listChanged").asBoolean()).isTrue();
    return response.header("Mcp-Session-Id");
  }

  private static String get(String session) {
    return "GET /mcp HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
        + "MCP-Protocol-Version: 2025-11-25\r\n"
        + (session == null ? "" : "Mcp-Session-Id: " + session + "\r\n")
        + "\r\n";
  }

  @Test
  void aSessionsStream_carriesListChangesAndTheUpdatesItSubscribedTo() throws Exception {
    String subscriber = initialize();
    String bystander = initialize();
    post(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/subscribe\","
            + "\"params\":{\"uri\":\"library://catalog\"}}",
        subscriber);
    try (HttpWire mine = HttpWire.connect(http.url());
        HttpWire theirs = HttpWire.connect(http.url())) {
      assertThat(mine.send(get(subscriber)).head().header("Content-Type"))
          .isEqualTo("text/event-stream");
      theirs.send(get(bystander)).head();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (server.notifyToolsListChanged() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(Json.parse(mine.nextEvent()).path("method").asText())
          .isEqualTo("notifications/tools/list_changed");
      assertThat(Json.parse(theirs.nextEvent()).path("method").asText())
          .isEqualTo("notifications/tools/list_changed");
      assertThat(server.notifyResourceUpdated("library://catalog")).isEqualTo(1);
      JsonNode updated = Json.parse(mine.nextEvent());
      assertThat(updated.path("method").asText()).isEqualTo("notifications/resources/updated");
      assertThat(updated.at("/params/uri").asText()).isEqualTo("library://catalog");
    }
  }

  @Test
  void get_withoutASession_isRefused_andWithAnUnknownOne_is404() throws Exception {
    try (HttpWire wire = HttpWire.connect(http.url())) {
      assertThat(wire.send(get(null)).response().status()).isEqualTo(400);
    }
    try (HttpWire wire = HttpWire.connect(http.url())) {
      assertThat(wire.send(get("no-such-session")).response().status()).isEqualTo(404);
    }
  }

  @Test
  void closingTheServer_endsTheStreamsPromptly() throws Exception {
    McpHttpServer other =
        McpHttpServer.builder(
                McpServer.builder()
                    .name("closing")
                    .discoverTools(false)
                    .tools(new LibraryPack())
                    .sessions(SessionStore.inMemory())
                    .build())
            .port(0)
            .stopOnSignal(false)
            .start();
    String session;
    try (HttpWire wire = HttpWire.connect(other.url())) {
      session =
          wire.send(
                  HttpWire.post(
                      other.url(),
                      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}"))
              .response()
              .header("Mcp-Session-Id");
    }
    try (HttpWire stream = HttpWire.connect(other.url())) {
      stream.send(get(session)).head();
      long start = System.nanoTime();
      other.close();
      assertThat(stream.nextEvent()).isNull();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }
}
