package dev.toolsmith.runtime.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.http.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens signed with keys this test holds, served as a JWKS over real HTTP, for the header checks a
 * test issuer cannot be made to sign: an unknown {@code crit} entry is refused, both spellings of
 * the access-token {@code typ} pass, and an issuer whose keys cannot be fetched is the one case
 * that answers 503.
 */
class OwnKeysTest {
  private static final String ISSUER = "https://issuer.example.com";
  private static final String AUDIENCE = "https://mcp.example.com/mcp";
  private static RSAKey key;
  private static HttpServer jwks;
  private static OidcAuthenticator auth;

  @BeforeAll
  static void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    byte[] set = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    jwks.createContext(
        "/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, set.length);
          exchange.getResponseBody().write(set);
          exchange.close();
        });
    jwks.start();
    auth =
        OidcAuthenticator.issuer(ISSUER)
            .jwksUri("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json")
            .audience(AUDIENCE)
            .build();
  }

  @AfterAll
  static void stop() {
    jwks.stop(0);
  }

  @Test
  void aWellFormedToken_getsIn_withEitherAccessTokenType() throws Exception {
    assertThat(decide(auth, sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1"))).allowed())
        .isTrue();
    for (String typ : new String[] {"at+jwt", "application/at+jwt"}) {
      JWSHeader.Builder header =
          new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(new JOSEObjectType(typ));
      assertThat(decide(auth, sign(header)).allowed()).as(typ).isTrue();
    }
  }

  @Test
  void anUnknownCriticalHeader_isRefused() throws Exception {
    JWSHeader.Builder header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID("k1")
            .criticalParams(Set.of("urn:example:must-understand"))
            .customParam("urn:example:must-understand", true);
    AuthDecision decision = decide(auth, sign(header));
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.status()).isEqualTo(401);
  }

  @Test
  void anIssuerWhoseKeysCannotBeFetched_isThe503Case() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    OidcAuthenticator unreachable =
        OidcAuthenticator.issuer(ISSUER)
            .jwksUri("http://127.0.0.1:" + closed + "/jwks.json")
            .audience(AUDIENCE)
            .build();
    AuthDecision decision =
        decide(unreachable, sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1")));
    assertThat(decision.status()).isEqualTo(503);
    assertThat(decision.message()).contains("not reachable");
  }

  private static String sign(JWSHeader.Builder header) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            header.build(),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("user-7")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static AuthDecision decide(OidcAuthenticator authenticator, String token) {
    return authenticator.authenticate(
        Headers.builder().add("Authorization", "Bearer " + token).build());
  }
}
