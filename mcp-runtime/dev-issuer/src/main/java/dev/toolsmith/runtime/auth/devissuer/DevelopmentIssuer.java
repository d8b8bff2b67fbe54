package dev.toolsmith.runtime.auth.devissuer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.toolsmith.runtime.internal.http.FormData;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A tiny OpenID Connect issuer for running an authenticated server on a laptop: it publishes
 * discovery and a JWKS on loopback, and signs an RS256 access token for whoever asks its token
 * endpoint, with the subject, name, email and scopes asked for.
 *
 * <p>It checks no password: anyone who can reach the port gets any identity. That is the point for
 * local development and tests, and why it only ever binds {@code 127.0.0.1}. Its key is made at
 * start and never leaves the process.
 *
 * <pre>{@code
 * curl -s -d sub=alice -d "scope=messages:read messages:write" http://127.0.0.1:9000/token
 * }</pre>
 */
public final class DevelopmentIssuer implements AutoCloseable {
  private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
  private final HttpServer http;
  private final RSAKey key;
  private final String issuer;
  private final String audience;

  private DevelopmentIssuer(int port, String audience) throws IOException {
    try {
      this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IOException("Could not make a signing key", e);
    }
    this.audience = audience;
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    this.issuer = "http://127.0.0.1:" + http.getAddress().getPort();
    http.createContext("/", this::serve);
    http.start();
  }

  /**
   * Starts an issuer on loopback whose tokens name {@code audience}.
   *
   * @param port the port, or 0 for any free one
   * @param audience the MCP server's canonical URL, put in every token's {@code aud}
   */
  public static DevelopmentIssuer start(int port, String audience) throws IOException {
    return new DevelopmentIssuer(port, audience);
  }

  /** Returns the issuer URL, as it appears in {@code iss} and discovery. */
  public String issuer() {
    return issuer;
  }

  /**
   * Returns the token endpoint: POST a form with {@code sub}, {@code scope}, {@code name}, {@code
   * email}.
   */
  public String tokenEndpoint() {
    return issuer + "/token";
  }

  /**
   * Signs an access token directly, as the token endpoint would.
   *
   * @param subject the {@code sub} claim
   * @param scope the space-separated {@code scope} claim, or {@code null}
   * @param extraClaims further claims, such as {@code name} and {@code email}
   */
  public String token(String subject, String scope, Map<String, String> extraClaims) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
            .jwtID(UUID.randomUUID().toString());
    if (scope != null && !scope.isBlank()) {
      claims.claim("scope", scope.trim());
    }
    extraClaims.forEach(claims::claim);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign a token", e);
    }
    return jwt.serialize();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      switch (path) {
        case "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server" ->
            reply(exchange, 200, discovery());
        case "/jwks" -> reply(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
        case "/token" -> tokenEndpoint(exchange);
        default ->
            reply(
                exchange,
                404,
                error(
                    "not_found",
                    "This development issuer serves /.well-known/openid-configuration, "
                        + "/jwks and POST /token."));
      }
    }
  }

  private void tokenEndpoint(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      reply(
          exchange,
          405,
          error("invalid_request", "POST a form to /token, such as sub=alice&scope=messages:read"));
      return;
    }
    Map<String, String> form =
        FormData.decode(
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String subject = form.getOrDefault("sub", "developer");
    if (subject.isBlank()) {
      reply(exchange, 400, error("invalid_request", "sub must not be blank"));
      return;
    }
    Map<String, String> extra = new LinkedHashMap<>();
    for (String claim : new String[] {"name", "email"}) {
      if (form.containsKey(claim)) {
        extra.put(claim, form.get(claim));
      }
    }
    String scope = form.getOrDefault("scope", "");
    ObjectNode response = Json.object();
    response.put("access_token", token(subject, scope, extra));
    response.put("token_type", "Bearer");
    response.put("expires_in", TOKEN_LIFETIME.toSeconds());
    response.put("scope", scope);
    reply(exchange, 200, Json.toString(response));
  }

  private String discovery() {
    ObjectNode document = Json.object();
    document.put("issuer", issuer);
    document.put("jwks_uri", issuer + "/jwks");
    document.put("token_endpoint", issuer + "/token");
    document.putArray("id_token_signing_alg_values_supported").add("RS256");
    document.putArray("grant_types_supported").add("client_credentials");
    return Json.toString(document);
  }

  private static String error(String code, String description) {
    ObjectNode error = Json.object();
    error.put("error", code);
    error.put("error_description", description);
    return Json.toString(error);
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops serving. */
  @Override
  public void close() {
    http.stop(0);
  }

  @Override
  public String toString() {
    return "DevelopmentIssuer(" + issuer + ")";
  }
}
