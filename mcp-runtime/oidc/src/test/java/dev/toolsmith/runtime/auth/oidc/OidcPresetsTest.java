package dev.toolsmith.runtime.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The issuer presets, and the token bindings they rest on, against real signed tokens from
 * mock-oauth2-server: Cognito-shaped access tokens without {@code aud}, Google-shaped ID tokens
 * whose audience is a client ID, and a second spelling of the issuer.
 */
class OidcPresetsTest {
  private static final String SERVER_URL = "https://board.example.com/mcp";
  private static MockOAuth2Server oauth;
  private static String issuer;

  @BeforeAll
  static void start() {
    oauth = new MockOAuth2Server();
    oauth.start();
    issuer = oauth.issuerUrl("default").toString();
  }

  @AfterAll
  static void stop() {
    oauth.shutdown();
  }

  @Test
  void presetsNameTheirIssuersAndPublishThisServerAsTheResource() throws Exception {
    OidcAuthenticator google =
        OidcAuthenticator.google("123-abc.apps.googleusercontent.com").audience(SERVER_URL).build();
    assertThat(google.issuerUrl()).isEqualTo("https://accounts.google.com");
    assertThat(Json.parse(google.protectedResourceMetadata().getBytes()).path("resource").asText())
        .isEqualTo(SERVER_URL);
    assertThat(google.toString()).contains("123-abc.apps.googleusercontent.com");

    assertThat(
            OidcAuthenticator.cognito("eu-west-1", "eu-west-1_AbC123", "app-client")
                .audience(SERVER_URL)
                .build()
                .issuerUrl())
        .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123");
    assertThat(
            OidcAuthenticator.auth0("https://example.eu.auth0.com/")
                .audience(SERVER_URL)
                .build()
                .issuerUrl())
        .isEqualTo("https://example.eu.auth0.com/");
    assertThat(
            OidcAuthenticator.auth0("example.eu.auth0.com")
                .audience(SERVER_URL)
                .build()
                .issuerUrl())
        .isEqualTo("https://example.eu.auth0.com/");
    assertThatThrownBy(() -> OidcAuthenticator.cognito("eu-west-1", "eu-west-1_AbC123"))
        .hasMessageContaining("app client");
  }

  @Test
  void cognitoShapedAccessTokensAreBoundByClientIdAndTokenUse() {
    OidcAuthenticator cognito =
        OidcAuthenticator.issuer(issuer)
            .audience(SERVER_URL)
            .clientIds("board-app")
            .requireClaim("token_use", "access")
            .build();

    assertThat(
            check(
                    cognito,
                    token(
                        List.of(),
                        Map.of(
                            "client_id",
                            "board-app",
                            "token_use",
                            "access",
                            "scope",
                            "board/messages.read")))
                .allowed())
        .isTrue();
    assertRefused(
        check(cognito, token(List.of(), Map.of("client_id", "other-app", "token_use", "access"))),
        "not issued for this server (client)");
    assertRefused(
        check(
            cognito,
            token(List.of("board-app"), Map.of("client_id", "board-app", "token_use", "id"))),
        "not an access token");
    assertRefused(check(cognito, token(List.of(), Map.of("token_use", "access"))), "lacks a claim");
  }

  @Test
  void googleShapedIdTokensAreBoundByTheirClientIdAudience_andEitherIssuerSpellingCounts() {
    OidcAuthenticator google =
        OidcAuthenticator.issuer("https://accounts.google.example")
            .alsoAcceptIssuer(issuer)
            .jwksUri(oauth.jwksUrl("default").toString())
            .audience(SERVER_URL)
            .tokenAudience("123-abc.apps.googleusercontent.com")
            .build();

    assertThat(
            check(
                    google,
                    token(
                        List.of("123-abc.apps.googleusercontent.com"),
                        Map.of("email", "ada@example.com")))
                .allowed())
        .isTrue();
    assertRefused(
        check(google, token(List.of("someone-else.apps.googleusercontent.com"), Map.of())),
        "(audience)");
    assertRefused(check(google, token(List.of(SERVER_URL), Map.of())), "(audience)");
  }

  @Test
  void byDefaultTheAudienceIsThisServersUrl() {
    OidcAuthenticator plain = OidcAuthenticator.issuer(issuer).audience(SERVER_URL).build();

    assertThat(check(plain, token(List.of(SERVER_URL), Map.of())).allowed()).isTrue();
    assertRefused(check(plain, token(List.of(), Map.of("client_id", "board-app"))), "(audience)");
  }

  @Test
  void fromTheEnvironment_aMissingSettingFailsClosedAndNamesTheVariable() {
    assertThat(OidcEnvironment.read(Map.of()).authenticate(Headers.builder().build()).message())
        .contains("MCP_SERVER_URL is not set");
    AuthDecision google =
        OidcEnvironment.read(Map.of("MCP_SERVER_URL", SERVER_URL, "MCP_OIDC_PROVIDER", "google"))
            .authenticate(Headers.builder().build());
    assertThat(google.status()).isEqualTo(503);
    assertThat(google.message()).contains("MCP_OIDC_CLIENT_IDS");
    assertThat(
            OidcEnvironment.read(Map.of("MCP_SERVER_URL", SERVER_URL, "MCP_OIDC_PROVIDER", "okta"))
                .authenticate(Headers.builder().build())
                .message())
        .contains("'okta'");
    assertThat(
            OidcEnvironment.read(Map.of("MCP_SERVER_URL", SERVER_URL))
                .authenticate(Headers.builder().build())
                .message())
        .contains("MCP_OIDC_ISSUER");
  }

  @Test
  void fromTheEnvironment_eachProviderIsBuiltFromItsVariables() {
    assertThat(
            OidcEnvironment.read(
                Map.of(
                    "MCP_SERVER_URL",
                    SERVER_URL,
                    "MCP_OIDC_PROVIDER",
                    "cognito",
                    "MCP_OIDC_ISSUER",
                    "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
                    "MCP_OIDC_CLIENT_IDS",
                    "a1, b2")))
        .hasToString(
            "OIDC (issuer https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123, app clients [a1, b2])");
    assertThat(
            OidcEnvironment.read(
                    Map.of(
                        "MCP_SERVER_URL",
                        SERVER_URL,
                        "MCP_OIDC_PROVIDER",
                        "google",
                        "MCP_OIDC_CLIENT_IDS",
                        "123.apps.googleusercontent.com"))
                .toString())
        .contains("https://accounts.google.com")
        .contains("123.apps.googleusercontent.com");
    OidcAuthenticator plain =
        (OidcAuthenticator)
            OidcEnvironment.read(
                Map.of(
                    "MCP_SERVER_URL",
                    SERVER_URL,
                    "MCP_OIDC_ISSUER",
                    issuer,
                    "MCP_OIDC_SCOPES",
                    "messages:read messages:write"));
    assertThat(plain.protectedResourceMetadata())
        .contains("\"scopes_supported\":[\"messages:read\",\"messages:write\"]");
    assertThat(check(plain, token(List.of(SERVER_URL), Map.of())).allowed()).isTrue();
  }

  private static AuthDecision check(OidcAuthenticator authenticator, String token) {
    return authenticator.authenticate(
        Headers.builder().add("Authorization", "Bearer " + token).build());
  }

  private static void assertRefused(AuthDecision decision, String message) {
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.status()).isEqualTo(401);
    assertThat(decision.message()).contains(message);
  }

  private static String token(List<String> audience, Map<String, Object> claims) {
    return oauth
        .issueToken(
            "default",
            "client-1",
            new DefaultOAuth2TokenCallback("default", "user-1", "JWT", audience, claims, 600))
        .serialize();
  }
}
