package dev.toolsmith.runtime.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.runtime.testing.HttpWire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The servlet adapter in Tomcat: the Streamable HTTP rules, and limits before the body. */
class McpServletTest {
  private static Tomcats tomcat;

  @BeforeAll
  static void start() throws Exception {
    tomcat =
        new Tomcats(
            McpServer.builder()
                .name("servlet")
                .discoverTools(false)
                .tools(new EchoPack())
                .maxBodyBytes(64 * 1024)
                .auth(BearerTokenAuthenticator.of("servlet-token-of-enough-length"))
                .build());
  }

  @AfterAll
  static void stop() throws Exception {
    tomcat.close();
  }

  private static String call(String authorization) {
    return HttpWire.post(
        tomcat.url(),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}",
        "Authorization: " + authorization);
  }

  @Test
  void aToolCall_isAnswered() throws Exception {
    try (HttpWire wire = HttpWire.connect(tomcat.url())) {
      HttpWire.Response response =
          wire.send(call("Bearer servlet-token-of-enough-length")).response();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("Content-Type")).startsWith("application/json");
      assertThat(Json.parse(response.body()).at("/result/content/0/text").asText()).isEqualTo("hi");
    }
  }

  @Test
  void aBadToken_gets401WithAChallenge() throws Exception {
    try (HttpWire wire = HttpWire.connect(tomcat.url())) {
      HttpWire.Response response = wire.send(call("Bearer wrong")).response();
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(Json.parse(response.body()).at("/error/message").asText()).isNotBlank();
    }
  }

  @Test
  void aDeclaredOversizedBody_gets413BeforeItIsSent() throws Exception {
    try (HttpWire wire = HttpWire.connect(tomcat.url())) {
      wire.send(
          "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Accept: application/json, text/event-stream\r\n"
              + "Authorization: Bearer servlet-token-of-enough-length\r\n"
              + "Content-Length: 536870912\r\n\r\n");
      HttpWire.Response response = wire.response();
      assertThat(response.status()).isEqualTo(413);
      assertThat(Json.parse(response.body()).at("/error/message").asText())
          .contains("larger than the 65536 bytes");
    }
  }

  @Test
  void get_isRefusedWith405AndAllow() throws Exception {
    try (HttpWire wire = HttpWire.connect(tomcat.url())) {
      HttpWire.Response response =
          wire.send(
                  "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                      + "Authorization: Bearer servlet-token-of-enough-length\r\n"
                      + "Connection: close\r\n\r\n")
              .response();
      assertThat(response.status()).isEqualTo(405);
      assertThat(response.header("Allow")).isEqualTo("POST");
    }
  }
}
