package dev.toolsmith.runtime.auth.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.auth.oidc.OidcAuthenticator;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.internal.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevelopmentIssuerTest {
  private static final String SERVER_URL = "http://127.0.0.1:8080/mcp";
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void itsTokensPassTheRealOidcChecksThroughDiscoveryAndJwks() throws Exception {
    try (DevelopmentIssuer issuer = DevelopmentIssuer.start(0, SERVER_URL)) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(issuer.tokenEndpoint()))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "sub=alice&name=Alice+Liddell&scope=messages%3Aread+messages%3Awrite"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      String token = Json.parse(response.body().getBytes()).path("access_token").asText();

      AuthDecision decision =
          OidcAuthenticator.issuer(issuer.issuer())
              .audience(SERVER_URL)
              .build()
              .authenticate(Headers.builder().add("Authorization", "Bearer " + token).build());

      assertThat(decision.allowed()).as(decision.message()).isTrue();
      assertThat(decision.identity().subject()).isEqualTo("alice");
      assertThat(decision.identity().name()).contains("Alice Liddell");
      assertThat(decision.identity().scopes()).containsExactly("messages:read", "messages:write");
    }
  }

  @Test
  void anotherIssuersTokenAndAnotherAudienceAreRefused() throws Exception {
    try (DevelopmentIssuer ours = DevelopmentIssuer.start(0, SERVER_URL);
        DevelopmentIssuer theirs = DevelopmentIssuer.start(0, SERVER_URL);
        DevelopmentIssuer elsewhere = DevelopmentIssuer.start(0, "http://127.0.0.1:9999/mcp")) {
      OidcAuthenticator auth = OidcAuthenticator.issuer(ours.issuer()).audience(SERVER_URL).build();

      assertThat(check(auth, theirs.token("mallory", "messages:write", Map.of())).status())
          .isEqualTo(401);
      assertThat(check(auth, ours.token("alice", null, Map.of())).allowed()).isTrue();
      OidcAuthenticator elsewhereAuth =
          OidcAuthenticator.issuer(elsewhere.issuer()).audience(SERVER_URL).build();
      assertThat(check(elsewhereAuth, elsewhere.token("alice", null, Map.of())).message())
          .contains("(audience)");
    }
  }

  @Test
  void theTokenEndpointOnlyTakesPosts() throws Exception {
    try (DevelopmentIssuer issuer = DevelopmentIssuer.start(0, SERVER_URL)) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(issuer.tokenEndpoint())).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(405);
      assertThat(response.body()).contains("POST a form");
    }
  }

  private static AuthDecision check(OidcAuthenticator auth, String token) {
    return auth.authenticate(Headers.builder().add("Authorization", "Bearer " + token).build());
  }
}
