package dev.toolsmith.runtime.auth.oidc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.http.Headers;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Any bearer token, against a real issuer that is up (mock-oauth2-server): a token the server
 * cannot verify is a 401 {@code invalid_token} or {@code invalid_request}, whatever its header
 * names, never a 503 or an exception.
 */
class TokenFuzzTest {
  private static final MockOAuth2Server ISSUER = start();
  private static final OidcAuthenticator AUTH =
      OidcAuthenticator.issuer(ISSUER.issuerUrl("default").toString())
          .audience("https://mcp.example.com/mcp")
          .build();

  private static MockOAuth2Server start() {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start();

    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
    return server;
  }

  @FuzzTest(maxDuration = "30s")
  void anyToken_isRefusedAs401(String token) {
    // The server may fetch keys from its configured issuer, and from nowhere else: a token that
    // made it connect anywhere else (a jku or x5u header, say) would be a finding.
    int port = ISSUER.baseUrl().port();
    com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections(
        (host, at) -> at == port && (host.equals("localhost") || host.startsWith("127.")));
    AuthDecision decision =
        AUTH.authenticate(
            Headers.builder()
                .add("Authorization", "Bearer " + (token == null ? "" : token))
                .build());
    if (decision.allowed()) {
      throw new AssertionError("A token nobody issued got in: " + token);
    }
    if (decision.status() != 401) {
      throw new AssertionError(
          "Expected 401, got " + decision.status() + ": " + decision.message());
    }
  }
}
