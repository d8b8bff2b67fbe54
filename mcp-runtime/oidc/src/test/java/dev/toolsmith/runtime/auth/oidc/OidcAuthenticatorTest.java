package dev.toolsmith.runtime.auth.oidc;

import static dev.toolsmith.runtime.testing.Mcp.jsonHeaders;
import static dev.toolsmith.runtime.testing.Mcp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
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
import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OIDC resource server against a real issuer (mock-oauth2-server over HTTP: discovery, JWKS,
 * signed tokens), and the attack matrix: each forged or unfit token is refused with 401 and a
 * message that names the failed check but no value that would help an attacker.
 */
class OidcAuthenticatorTest {
  private static final String AUDIENCE = "https://mcp.example.com/mcp";
  private static MockOAuth2Server oauth;
  private static String issuer;
  private static McpServer server;

  @BeforeAll
  static void start() {
    oauth = new MockOAuth2Server();
    oauth.start();
    issuer = oauth.issuerUrl("default").toString();
    OidcAuthenticator auth =
        OidcAuthenticator.issuer(issuer)
            .audience(AUDIENCE)
            .scopesSupported("board:read", "board:write")
            .build();
    server =
        McpServer.builder()
            .name("board")
            .tools(new WhoAmI())
            .discoverTools(false)
            .auth(auth)
            .build();
  }

  @AfterAll
  static void stop() {
    oauth.shutdown();
  }

  @Test
  void validToken_getsIn_andTheToolSeesTheVerifiedIdentity() throws Exception {
    String token =
        token(
            "user-42",
            List.of(AUDIENCE),
            Map.of(
                "scope",
                "board:read board:write",
                "name",
                "Ada Lovelace",
                "email",
                "ada@example.com"),
            3600);
    HttpResponse response = call(token);
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    assertThat(Json.parse(response.body()).at("/result/content/0/text").asText())
        .isEqualTo("user-42|Ada Lovelace|ada@example.com|[board:read, board:write]");
  }

  @Test
  void scpAsAList_countsAsScopes() throws Exception {
    HttpResponse response =
        call(token("user-7", List.of(AUDIENCE), Map.of("scp", List.of("board:read")), 3600));
    assertThat(Json.parse(response.body()).at("/result/content/0/text").asText())
        .endsWith("|[board:read]");
  }

  @Test
  void toolWithoutItsScope_is403_withAnInsufficientScopeChallenge() throws Exception {
    String reader = token("user-9", List.of(AUDIENCE), Map.of("scope", "board:read"), 3600);
    HttpResponse refused =
        server.handle(post(jsonHeaders().add("Authorization", "Bearer " + reader).build(), POST));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("WWW-Authenticate"))
        .startsWith(
            "Bearer error=\"insufficient_scope\", scope=\"board:write\", "
                + "resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"");
    assertThat(Json.parse(refused.body()).at("/error/message").asText())
        .contains("needs the OAuth scope board:write");
    String writer =
        token("user-9", List.of(AUDIENCE), Map.of("scope", "board:read board:write"), 3600);
    HttpResponse allowed =
        server.handle(post(jsonHeaders().add("Authorization", "Bearer " + writer).build(), POST));
    assertThat(allowed.status()).as(allowed.bodyText()).isEqualTo(200);
  }

  @Test
  void missingToken_is401_pointingAtTheResourceMetadata() throws Exception {
    HttpResponse response = server.handle(post(jsonHeaders().build(), CALL));
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate"))
        .isEqualTo(
            "Bearer resource_metadata=\"https://mcp.example.com/.well-known/"
                + "oauth-protected-resource/mcp\", scope=\"board:read board:write\"");
  }

  @Test
  void expiredToken() throws Exception {
    assertRefused(token("user-42", List.of(AUDIENCE), Map.of(), -3600), "has expired");
  }

  @Test
  void notYetValidToken() throws Exception {
    long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
    assertRefused(
        token("user-42", List.of(AUDIENCE), Map.of("nbf", inAnHour), 7200), "not valid yet");
  }

  @Test
  void wrongIssuer_evenWhenSignedWithAKeyTheServerTrusts() throws Exception {
    // A server that trusts the mock's keys but expects another issuer: a genuine token from the
    // mock is still refused.
    OidcAuthenticator elsewhere =
        OidcAuthenticator.issuer("https://login.example.com")
            .audience(AUDIENCE)
            .jwksUri(oauth.jwksUrl("default").toString())
            .build();
    McpServer strict =
        McpServer.builder()
            .name("board")
            .tools(new WhoAmI())
            .discoverTools(false)
            .auth(elsewhere)
            .build();
    HttpResponse response =
        strict.handle(
            post(
                jsonHeaders()
                    .add(
                        "Authorization",
                        "Bearer " + token("user-42", List.of(AUDIENCE), Map.of(), 3600))
                    .build(),
                CALL));
    assertThat(response.status()).isEqualTo(401);
    assertThat(Json.parse(response.body()).at("/error/message").asText())
        .contains("not issued by this server's authorization server");
    assertThat(response.bodyText()).doesNotContain("login.example.com");
  }

  @Test
  void wrongAudience() throws Exception {
    String token = token("user-42", List.of("https://other.example.com/mcp"), Map.of(), 3600);
    HttpResponse response = assertRefused(token, "not issued for this server");
    assertThat(response.bodyText()).doesNotContain(AUDIENCE).doesNotContain("other.example.com");
  }

  @Test
  void algNone() throws Exception {
    assertRefused(
        new PlainJWT(claims(issuer, AUDIENCE).build()).serialize(), "not a well-formed JWT");
  }

  @Test
  void hs256SignedWithTheIssuersPublicKey() throws Exception {
    RSAKey published =
        (RSAKey) JWKSet.load(new URL(oauth.jwksUrl("default").toString())).getKeys().get(0);
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
            claims(issuer, AUDIENCE).build());
    forged.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
    assertRefused(forged.serialize(), "signature could not be verified");
  }

  @Test
  void unknownKeyId() throws Exception {
    RSAKey rogue = new RSAKeyGenerator(2048).keyID("rogue-key").generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rogue-key").build(),
            claims(issuer, AUDIENCE).build());
    forged.sign(new RSASSASigner(rogue));
    assertRefused(forged.serialize(), "signature could not be verified");
  }

  @Test
  void paddedOrStandardBase64Signatures_areAnotherSpelling_andRefused() throws Exception {
    String token = token("user-42", List.of(AUDIENCE), Map.of(), 3600);
    assertThat(call(token).status()).isEqualTo(200);
    assertRefused(token + "==", "without padding");
    String standard = token.replace('-', '+').replace('_', '/');
    if (!standard.equals(token)) {
      assertRefused(standard, "without padding");
    }
  }

  @Test
  void emptySubject_isRefused_notADroppedConnection() throws Exception {
    assertRefused(token("", List.of(AUDIENCE), Map.of(), 3600), "names no subject");
  }

  @Test
  void issueTimeInTheFuture_beyondTheSkew_isRefused() throws Exception {
    long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
    assertRefused(
        token("user-42", List.of(AUDIENCE), Map.of("iat", inAnHour), 7200), "issue time (iat)");
  }

  @Test
  void accessTokenType_isAcceptedInBothSpellings() throws Exception {
    for (String typ : List.of("at+jwt", "application/at+jwt")) {
      String token =
          oauth
              .issueToken(
                  "default",
                  "client-1",
                  new DefaultOAuth2TokenCallback(
                      "default", "user-42", typ, List.of(AUDIENCE), Map.of(), 3600))
              .serialize();
      assertThat(call(token).status()).as(typ).isEqualTo(200);
    }
  }

  @Test
  void tokensNamingKeysOrAlgorithmsTheIssuerDoesNotHave_are401_never503() throws Exception {
    com.nimbusds.jose.jwk.ECKey ec =
        new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
            .keyID("/dev/null")
            .generate();
    SignedJWT es256 =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("/dev/null").build(),
            claims(issuer, AUDIENCE).build());
    es256.sign(new com.nimbusds.jose.crypto.ECDSASigner(ec));
    assertRefused(es256.serialize(), "");
    RSAKey rogue = new RSAKeyGenerator(2048).generate();
    // Each unknown kid makes the key source refetch, until its rate limit: every one is still 401.
    for (int i = 0; i < 8; i++) {
      SignedJWT forged =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rogue-" + i).build(),
              claims(issuer, AUDIENCE).build());
      forged.sign(new RSASSASigner(rogue));
      assertRefused(forged.serialize(), "");
    }
  }

  @Test
  void malformedToken() throws Exception {
    assertRefused("not.a.jwt", "not a well-formed JWT");
  }

  @Test
  void resourceMetadata_isServedWithoutAuthentication_atBothWellKnownPaths() throws Exception {
    for (String path :
        List.of(
            "/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
      HttpResponse response =
          server.handle(HttpRequest.of("GET", path, Headers.empty(), new byte[0]));
      assertThat(response.status()).isEqualTo(200);
      JsonNode metadata = Json.parse(response.body());
      assertThat(metadata.path("resource").asText()).isEqualTo(AUDIENCE);
      assertThat(metadata.at("/authorization_servers/0").asText()).isEqualTo(issuer);
      assertThat(metadata.path("scopes_supported").toString())
          .isEqualTo("[\"board:read\",\"board:write\"]");
    }
  }

  // --- helpers ---

  private static final String CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\"}}";
  private static final String POST =
      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"post\"}}";

  private static HttpResponse call(String token) {
    return server.handle(post(jsonHeaders().add("Authorization", "Bearer " + token).build(), CALL));
  }

  private static HttpResponse assertRefused(String token, String message) throws Exception {
    HttpResponse response = call(token);
    assertThat(response.status()).as(response.bodyText()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate"))
        .contains("error=\"invalid_token\"")
        .contains("resource_metadata=");
    assertThat(Json.parse(response.body()).at("/error/message").asText()).contains(message);
    assertThat(response.bodyText()).doesNotContain(token).doesNotContain(issuer);
    return response;
  }

  private static String token(
      String subject, List<String> audience, Map<String, Object> claims, long expirySeconds) {
    return oauth
        .issueToken(
            "default",
            "client-1",
            new DefaultOAuth2TokenCallback(
                "default", subject, "JWT", audience, claims, expirySeconds))
        .serialize();
  }

  private static JWTClaimsSet.Builder claims(String iss, String aud) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(iss)
        .audience(aud)
        .subject("user-42")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)));
  }

  /** A tool that reports who called it. */
  private static final class WhoAmI implements ToolPack {
    @Override
    public List<ToolDescriptor> tools() {
      return List.of(
          ToolDescriptor.of(
              "whoami", "{\"name\":\"whoami\",\"inputSchema\":{\"type\":\"object\"}}"),
          ToolDescriptor.of("post", "{\"name\":\"post\",\"inputSchema\":{\"type\":\"object\"}}")
              .requiringScopes("board:write"));
    }

    @Override
    public ToolResult call(String tool, ToolCall call) {
      Identity caller = call.context().identity();
      return ToolResult.text(
          caller.subject()
              + "|"
              + caller.name().orElse("-")
              + "|"
              + caller.email().orElse("-")
              + "|"
              + caller.scopes());
    }
  }
}
