package dev.toolsmith.examples.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * The packaged board jar as an OAuth resource server in front of a real issuer
 * (mock-oauth2-server), attacked with the tokens an attacker picks: every one is a JSON 401, never
 * a 503, and the server writes no stack trace to its log however many it gets.
 */
class BoardTokensIT {
  private static final Path JAR =
      Path.of(System.getProperty("board.jar", "target/message-board-local.jar"));

  @Test
  void forgedAndUnfitTokens_are401_withoutStackTracesInTheLog() throws Exception {
    MockOAuth2Server oauth = new MockOAuth2Server();
    oauth.start();
    int port = BoardBackends.freePort();
    String url = "http://127.0.0.1:" + port + "/mcp";
    String issuer = oauth.issuerUrl("default").toString();
    Path log = Files.createTempFile("board-tokens", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString())
            .redirectError(log.toFile());
    builder.environment().remove("DATABASE_URL");
    builder.environment().remove("DB_HOST");
    builder.environment().remove("MCP_OIDC_PROVIDER");
    builder.environment().put("MCP_OIDC_ISSUER", issuer);
    builder.environment().put("MCP_SERVER_URL", url);
    builder.environment().put("PORT", Integer.toString(port));
    Process process = builder.start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("Message board MCP server listening at " + url);
      HttpClient http = HttpClient.newHttpClient();
      String good = token(oauth, "alice", url, Map.of("scope", BoardTools.READ), 3600);
      assertThat(call(http, url, good).statusCode()).isEqualTo(200);

      List<String> forged = new ArrayList<>();
      forged.add(new PlainJWT(claims(issuer, url, "mallory").build()).serialize());
      ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("/dev/null").generate();
      SignedJWT es256 =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("/dev/null").build(),
              claims(issuer, url, "mallory").build());
      es256.sign(new ECDSASigner(ec));
      forged.add(es256.serialize());
      RSAKey rogue = new RSAKeyGenerator(2048).generate();
      for (int i = 0; i < 30; i++) {
        // Each unknown kid makes the key source refetch, until its rate limit.
        SignedJWT unknown =
            new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rogue-" + i).build(),
                claims(issuer, url, "mallory").build());
        unknown.sign(new RSASSASigner(rogue));
        forged.add(unknown.serialize());
      }
      forged.add(good + "==");
      forged.add(token(oauth, "", url, Map.of("scope", BoardTools.READ), 3600));
      forged.add(
          token(
              oauth,
              "alice",
              url,
              Map.of(
                  "scope",
                  BoardTools.READ,
                  "iat",
                  Instant.now().plusSeconds(3600).getEpochSecond()),
              7200));
      forged.add(token(oauth, "alice", "https://other.example.com/mcp", Map.of(), 3600));
      for (String token : forged) {
        HttpResponse<String> response = call(http, url, token);
        assertThat(response.statusCode()).as(token).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
            .contains("error=\"invalid_");
        Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain(token);
      }
      assertThat(call(http, url, good).statusCode()).isEqualTo(200);

      List<String> lines = Files.readAllLines(log);
      assertThat(lines).as("the server's log").noneMatch(line -> line.startsWith("\tat "));
      assertThat(lines.size()).as("log lines for %d refused tokens", forged.size()).isLessThan(20);
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
      oauth.shutdown();
    }
  }

  private static String token(
      MockOAuth2Server oauth,
      String subject,
      String audience,
      Map<String, Object> claims,
      long ttl) {
    return oauth
        .issueToken(
            "default",
            "client-1",
            new DefaultOAuth2TokenCallback(
                "default", subject, "JWT", List.of(audience), claims, ttl))
        .serialize();
  }

  private static JWTClaimsSet.Builder claims(String issuer, String audience, String subject) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject(subject)
        .claim("scope", BoardTools.READ)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)));
  }

  private static HttpResponse<String> call(HttpClient http, String url, String token)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2025-11-25")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(BoardBackends.toolCall("get_messages", "{}")))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
