package dev.toolsmith.runtime.auth;

import static dev.toolsmith.runtime.testing.Mcp.jsonHeaders;
import static dev.toolsmith.runtime.testing.Mcp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import dev.toolsmith.runtime.testing.EchoPack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bearer tokens in front of a server: who gets in, as whom, and what the others are told. */
class BearerTokenAuthenticatorTest {
  private static final String TOKEN = "c0ffee-7e57-70k3n-0123456789abcdef";
  private final McpServer server =
      McpServer.builder()
          .name("s")
          .tools(new EchoPack())
          .discoverTools(false)
          .auth(BearerTokenAuthenticator.of(TOKEN))
          .build();

  @ParameterizedTest
  @CsvSource({"Authorization, Bearer", "authorization, bearer", "AUTHORIZATION, BEARER"})
  void rightToken_getsIn_whateverTheCaseOfHeaderAndScheme(String header, String scheme) {
    HttpResponse response = server.handle(ping(header, scheme + " " + TOKEN));
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
  }

  @Test
  void missingHeader_is401WithAChallenge() throws Exception {
    HttpResponse response = server.handle(post(jsonHeaders().build(), PING));
    assertRefused(response, "Missing Authorization header");
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"mcp\"");
  }

  @Test
  void otherScheme_is401_namingTheScheme() throws Exception {
    HttpResponse response = server.handle(ping("Authorization", "Basic dXNlcjpwYXNz"));
    assertRefused(response, "must use the Bearer scheme");
    assertThat(response.bodyText()).contains("'Basic'").doesNotContain("dXNlcjpwYXNz");
    assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_request\"");
  }

  @Test
  void bearerWithoutToken_is401() throws Exception {
    assertRefused(server.handle(ping("Authorization", "Bearer ")), "no token after");
    assertRefused(server.handle(ping("Authorization", "Bearer")), "no token after");
  }

  @Test
  void wrongToken_is401_andNeverEchoed() throws Exception {
    String wrong = TOKEN.substring(0, TOKEN.length() - 1) + "0";
    HttpResponse response = server.handle(ping("Authorization", "Bearer " + wrong));
    assertRefused(response, "not one this server accepts");
    assertThat(response.bodyText()).doesNotContain(wrong).doesNotContain(TOKEN);
    assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
  }

  @Test
  void aPrefixOrAnExtensionOfTheToken_isRefused_asIsEveryOneCharacterChange() throws Exception {
    List<String> near = new java.util.ArrayList<>();
    near.add(TOKEN.substring(0, 1));
    near.add(TOKEN.substring(0, TOKEN.length() - 1));
    near.add(TOKEN + "0");
    near.add(TOKEN + TOKEN);
    near.add(TOKEN.substring(1));
    for (int i = 0; i < TOKEN.length(); i++) {
      char other = TOKEN.charAt(i) == 'x' ? 'y' : 'x';
      near.add(TOKEN.substring(0, i) + other + TOKEN.substring(i + 1));
    }
    for (String wrong : near) {
      assertRefused(
          server.handle(ping("Authorization", "Bearer " + wrong)), "not one this server accepts");
    }
  }

  @Test
  void quotedToken_isWrong_andTheMessageSaysHowToSendIt() throws Exception {
    assertRefused(
        server.handle(ping("Authorization", "Bearer \"" + TOKEN + "\"")), "without quotes");
  }

  @Test
  void refusalComesBeforeAnythingElse_evenAGet() throws Exception {
    HttpResponse response =
        server.handle(HttpRequest.of("GET", "/mcp", Headers.empty(), new byte[0]));
    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void toolsSeeWhoCalled_theTokenHolderOverHttp_anonymousElsewhere() throws Exception {
    ToolPack whoAmI =
        new ToolPack() {
          @Override
          public List<ToolDescriptor> tools() {
            return List.of(
                ToolDescriptor.of(
                    "whoami", "{\"name\":\"whoami\",\"inputSchema\":{\"type\":\"object\"}}"));
          }

          @Override
          public ToolResult call(String tool, ToolCall call) {
            Identity caller = call.context().identity();
            return ToolResult.text(caller.subject() + " " + caller.isAuthenticated());
          }
        };
    McpServer guarded =
        McpServer.builder()
            .name("s")
            .tools(whoAmI)
            .discoverTools(false)
            .auth(BearerTokenAuthenticator.of(TOKEN))
            .build();
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\"}}";
    HttpResponse response =
        guarded.handle(post(jsonHeaders().add("Authorization", "Bearer " + TOKEN).build(), call));
    assertThat(Json.parse(response.body()).at("/result/content/0/text").asText())
        .isEqualTo("shared-bearer-token true");
    byte[] overStdio =
        guarded.handleMessage(call.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null);
    assertThat(Json.parse(overStdio).at("/result/content/0/text").asText())
        .isEqualTo("anonymous false");
  }

  @Test
  void noTokenConfigured_failsClosed() throws Exception {
    McpServer unconfigured =
        McpServer.builder()
            .name("s")
            .tools(new EchoPack())
            .discoverTools(false)
            .auth(BearerTokenAuthenticator.fromValue(null))
            .build();
    for (String presented : new String[] {null, "Bearer anything", "Bearer "}) {
      HttpResponse response =
          unconfigured.handle(
              presented == null
                  ? post(jsonHeaders().build(), PING)
                  : ping("Authorization", presented));
      assertThat(response.status()).isEqualTo(503);
      assertThat(Json.parse(response.body()).path("error").path("message").asText())
          .contains("neither MCP_AUTH_TOKEN nor MCP_AUTH_TOKENS is set");
    }
  }

  @Test
  void tokensAHeaderCannotCarry_areRejectedAtStart() {
    assertThatThrownBy(() -> BearerTokenAuthenticator.of("has space"))
        .hasMessageContaining("visible ASCII");
    assertThatThrownBy(() -> BearerTokenAuthenticator.of(" ")).hasMessageContaining("blank");
  }

  static List<org.junit.jupiter.params.provider.Arguments> otherSpellings() {
    return List.of(
        org.junit.jupiter.params.provider.Arguments.of(
            "Bearer  " + TOKEN, "a space at character 1"),
        org.junit.jupiter.params.provider.Arguments.of(
            "Bearer " + TOKEN + "\u0000", "a control character"),
        org.junit.jupiter.params.provider.Arguments.of(
            "Bearer " + TOKEN + "\t", "a control character"),
        org.junit.jupiter.params.provider.Arguments.of("Bearer " + TOKEN + " ", "a space"),
        org.junit.jupiter.params.provider.Arguments.of("Bearer " + TOKEN + " x", "a space"),
        org.junit.jupiter.params.provider.Arguments.of(
            "Bearer " + TOKEN + "\u00e9", "a non-ASCII character"));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("otherSpellings")
  void aTokenInAnotherSpelling_isRefused_notTrimmed(String header, String problem)
      throws Exception {
    HttpResponse response = server.handle(ping("Authorization", header));
    assertRefused(response, problem);
    assertThat(response.bodyText()).doesNotContain(TOKEN);
    assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_request\"");
  }

  @Test
  void namedTokens_identifyTheirHolders_andAHolderMayHoldTwoWhileRotating() throws Exception {
    Authenticator named =
        BearerTokenAuthenticator.fromValues(
            TOKEN, " alice=alice-old-0123456789, bob=bob-0123456789==,alice=alice-new-0123456789");
    assertThat(holder(named, TOKEN)).isEqualTo("shared-bearer-token");
    assertThat(holder(named, "alice-old-0123456789")).isEqualTo("alice");
    assertThat(holder(named, "alice-new-0123456789")).isEqualTo("alice");
    assertThat(holder(named, "bob-0123456789==")).isEqualTo("bob");
    AuthDecision wrong =
        named.authenticate(Headers.builder().add("Authorization", "Bearer bob-0123456789").build());
    assertThat(wrong.allowed()).isFalse();
    assertThat(wrong.status()).isEqualTo(401);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "alice | entry 1 is not name=token",
        "alice=a-token-01234,, | entry 2 is not name=token",
        "=a-token-01234 | entry 1 is not name=token",
        "al ice=a-token-01234 | name must be 1 to 64",
        "alice=a-token-01234,bob=a-token-01234 | configured twice",
        "shared-bearer-token=a-token-01234 | names the shared token's holder",
        "alice=two words | must be visible ASCII"
      })
  void malformedNamedTokens_failClosed_sayingWhichEntry(String value, String problem)
      throws Exception {
    McpServer unconfigured =
        McpServer.builder()
            .name("s")
            .tools(new EchoPack())
            .discoverTools(false)
            .auth(BearerTokenAuthenticator.fromValues(null, value))
            .build();
    HttpResponse response = unconfigured.handle(ping("Authorization", "Bearer a-token-01234"));
    assertThat(response.status()).isEqualTo(503);
    assertThat(Json.parse(response.body()).path("error").path("message").asText())
        .contains(problem)
        .contains("MCP_AUTH_TOKENS")
        .doesNotContain("a-token-01234");
  }

  private static String holder(Authenticator authenticator, String token) {
    AuthDecision decision =
        authenticator.authenticate(
            Headers.builder().add("Authorization", "Bearer " + token).build());
    assertThat(decision.allowed()).as(decision.message()).isTrue();
    return decision.identity().subject();
  }

  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

  private static HttpRequest ping(String header, String value) {
    return post(jsonHeaders().add(header, value).build(), PING);
  }

  private static void assertRefused(HttpResponse response, String message) throws Exception {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(401);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    assertThat(Json.parse(response.body()).path("error").path("message").asText())
        .contains(message);
  }
}
