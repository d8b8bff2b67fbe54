package dev.toolsmith.runtime.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.toolsmith.runtime.internal.http.FormData;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Signs the user in to an MCP server's authorization server, the way the MCP authorization spec
 * describes: find the authorization server through the server's protected-resource metadata (RFC
 * 9728), read its metadata (RFC 8414 or OIDC discovery), register a client when none was given and
 * registration is open (RFC 7591), then an authorization-code flow with PKCE (S256) in the user's
 * browser, answered on a loopback callback, with the server named as the resource (RFC 8707).
 * Tokens stay in this process's memory and are refreshed when they can be.
 */
final class OAuthLogin {
  private static final Duration SIGN_IN_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Refresh this long before the token says it expires, so a request never carries a dying token.
   */
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

  private final URI server;
  private final ProxyOptions options;
  private final HttpClient http;
  private final PrintStream log;
  private final SecureRandom random = new SecureRandom();

  private Endpoints endpoints;
  private String clientId;
  private String accessToken;
  private String idToken;
  private String refreshToken;
  private Instant expiresAt;

  OAuthLogin(URI server, ProxyOptions options, HttpClient http, PrintStream log) {
    this.server = server;
    this.options = options;
    this.http = http;
    this.log = log;
    this.clientId = options.clientId;
  }

  /** Returns the token to send, or {@code null} before anyone signed in. */
  String bearerToken() {
    return options.sendIdToken ? idToken : accessToken;
  }

  /**
   * Returns whether a token is held that expires within the margin and a refresh token could renew
   * it.
   */
  boolean needsRefresh() {
    return refreshToken != null
        && expiresAt != null
        && Instant.now().plus(EXPIRY_MARGIN).isAfter(expiresAt);
  }

  /** Renews the token with the refresh token; returns whether that worked. */
  boolean refresh() {
    if (refreshToken == null || endpoints == null) {
      return false;
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("resource", endpoints.resource());
    try {
      take(tokenRequest(form));
      log.println("toolsmith-proxy: refreshed the access token");
      return true;
    } catch (IOException e) {
      log.println(
          "toolsmith-proxy: could not refresh the access token ("
              + e.getMessage()
              + "); signing in again");
      refreshToken = null;
      return false;
    }
  }

  /**
   * Signs in through the browser, as the server's challenge asks.
   *
   * @throws IOException saying what failed, for the pending request's error
   */
  void signIn(Challenge challenge) throws IOException {
    endpoints = discover(challenge);
    String verifier = randomToken();
    String state = randomToken();
    CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
    HttpServer receiver =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), options.callbackPort), 0);
    receiver.createContext("/callback", exchange -> answerCallback(exchange, state, callback));
    receiver.start();
    try {
      String redirectUri = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback";
      if (clientId == null) {
        clientId = register(redirectUri);
      }
      String scope =
          withOpenId(
              options.scope != null
                  ? options.scope
                  : challenge.scope() != null ? challenge.scope() : endpoints.scopes());
      Map<String, String> query = new LinkedHashMap<>();
      query.put("response_type", "code");
      query.put("client_id", clientId);
      query.put("redirect_uri", redirectUri);
      if (scope != null && !scope.isBlank()) {
        query.put("scope", scope);
      }
      query.put("state", state);
      query.put("code_challenge", challenge(verifier));
      query.put("code_challenge_method", "S256");
      query.put("resource", endpoints.resource());
      String url =
          endpoints.authorization()
              + (endpoints.authorization().contains("?") ? "&" : "?")
              + FormData.encode(query);
      log.println("toolsmith-proxy: sign in to " + server.getHost() + " at:");
      log.println(url);
      if (options.openBrowser) {
        Browser.open(url, log);
      }
      Map<String, String> answer = await(callback);
      if (answer.containsKey("error")) {
        throw new IOException(
            "the authorization server refused the sign-in: "
                + answer.get("error")
                + (answer.containsKey("error_description")
                    ? " (" + answer.get("error_description") + ")"
                    : ""));
      }
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "authorization_code");
      form.put("code", answer.get("code"));
      form.put("redirect_uri", redirectUri);
      form.put("code_verifier", verifier);
      form.put("resource", endpoints.resource());
      take(tokenRequest(form));
      log.println("toolsmith-proxy: signed in");
    } finally {
      receiver.stop(0);
    }
  }

  /**
   * Adds {@code openid} for an OpenID provider: many refuse an authorization request without it,
   * and it is what brings back the ID token {@code --send-id-token} sends.
   */
  private String withOpenId(String scope) {
    if (!endpoints.openId() || (scope != null && (" " + scope + " ").contains(" openid "))) {
      return scope;
    }
    return scope == null || scope.isBlank() ? "openid" : "openid " + scope;
  }

  private Map<String, String> await(CompletableFuture<Map<String, String>> callback)
      throws IOException {
    try {
      return callback.get(SIGN_IN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IOException(
          "nobody finished signing in within " + SIGN_IN_TIMEOUT.toMinutes() + " minutes");
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the sign-in");
    }
  }

  private static void answerCallback(
      HttpExchange exchange, String state, CompletableFuture<Map<String, String>> callback)
      throws IOException {
    Map<String, String> query = FormData.decode(exchange.getRequestURI().getRawQuery());
    String page;
    int status;
    if (!state.equals(query.get("state"))) {
      status = 400;
      page =
          "This sign-in link is not the one the proxy started (state mismatch). Start again from your MCP client.";
    } else {
      status = 200;
      page =
          query.containsKey("error")
              ? "Sign-in failed: " + query.get("error") + ". You can close this tab."
              : "Signed in. You can close this tab and go back to your MCP client.";
      callback.complete(query);
    }
    byte[] body =
        ("<!doctype html><meta charset=utf-8><title>toolsmith-proxy</title><p>" + page)
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Finds the authorization server from the server's protected-resource metadata. */
  private Endpoints discover(Challenge challenge) throws IOException {
    List<String> metadataUrls = new ArrayList<>();
    if (challenge.resourceMetadata() != null) {
      metadataUrls.add(challenge.resourceMetadata());
    }
    String origin = server.getScheme() + "://" + server.getRawAuthority();
    String path =
        server.getRawPath() == null || server.getRawPath().equals("/") ? "" : server.getRawPath();
    metadataUrls.add(origin + "/.well-known/oauth-protected-resource" + path);
    metadataUrls.add(origin + "/.well-known/oauth-protected-resource");
    JsonNode resourceMetadata = firstDocument(metadataUrls, "protected-resource metadata");
    JsonNode servers = resourceMetadata.path("authorization_servers");
    if (!servers.isArray() || servers.isEmpty()) {
      throw new IOException(
          "the server's protected-resource metadata names no authorization server");
    }
    String issuer = servers.get(0).asText();
    URI issuerUri = URI.create(issuer);
    String issuerOrigin = issuerUri.getScheme() + "://" + issuerUri.getRawAuthority();
    String issuerPath =
        issuerUri.getRawPath() == null || issuerUri.getRawPath().equals("/")
            ? ""
            : issuerUri.getRawPath().replaceAll("/+$", "");
    JsonNode metadata =
        firstDocument(
            List.of(
                issuerOrigin + "/.well-known/oauth-authorization-server" + issuerPath,
                issuerOrigin + "/.well-known/openid-configuration" + issuerPath,
                issuerOrigin + issuerPath + "/.well-known/openid-configuration"),
            "authorization server metadata");
    String authorization = metadata.path("authorization_endpoint").asText("");
    String token = metadata.path("token_endpoint").asText("");
    if (authorization.isEmpty() || token.isEmpty()) {
      throw new IOException(
          "the authorization server's metadata has no authorization_endpoint or token_endpoint");
    }
    StringBuilder scopes = new StringBuilder();
    resourceMetadata
        .path("scopes_supported")
        .forEach(scope -> scopes.append(scopes.length() == 0 ? "" : " ").append(scope.asText()));
    String resource = resourceMetadata.path("resource").asText(server.toString());
    String registration = metadata.path("registration_endpoint").asText(null);
    // An OpenID provider: it lists the openid scope, or publishes what only OIDC has.
    boolean openId =
        metadata.has("userinfo_endpoint") || metadata.has("id_token_signing_alg_values_supported");
    for (JsonNode scope : metadata.path("scopes_supported")) {
      openId |= scope.asText().equals("openid");
    }
    return new Endpoints(
        authorization,
        token,
        registration,
        resource,
        scopes.length() == 0 ? null : scopes.toString(),
        openId);
  }

  private JsonNode firstDocument(List<String> urls, String what) throws IOException {
    List<String> tried = new ArrayList<>();
    for (String url : urls) {
      try {
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 200) {
          return Json.parse(response.body());
        }
        tried.add(url + " (HTTP " + response.statusCode() + ")");
      } catch (IOException e) {
        tried.add(url + " (" + e.getMessage() + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
    }
    throw new IOException("found no " + what + "; tried " + String.join(", ", tried));
  }

  /** Registers this proxy as a public client (RFC 7591) when the authorization server allows it. */
  private String register(String redirectUri) throws IOException {
    if (endpoints.registration() == null) {
      throw new IOException(
          "the authorization server does not register clients dynamically; pass --client-id "
              + "(and, if it has one, --client-secret) of a client registered for http://127.0.0.1:<port>/callback");
    }
    ObjectNode request = Json.object();
    request.put("client_name", "toolsmith-proxy");
    request.putArray("redirect_uris").add(redirectUri);
    request.putArray("grant_types").add("authorization_code").add("refresh_token");
    request.putArray("response_types").add("code");
    request.put("token_endpoint_auth_method", "none");
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(URI.create(endpoints.registration()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.toString(request)))
                .build());
    String id = Json.parse(response.body()).path("client_id").asText("");
    if (response.statusCode() / 100 != 2 || id.isEmpty()) {
      throw new IOException("client registration answered HTTP " + response.statusCode());
    }
    return id;
  }

  private HttpResponse<byte[]> tokenRequest(Map<String, String> form) throws IOException {
    form.put("client_id", clientId);
    if (options.clientSecret != null) {
      form.put("client_secret", options.clientSecret);
    }
    return send(
        HttpRequest.newBuilder(URI.create(endpoints.token()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(FormData.encode(form)))
            .build());
  }

  private void take(HttpResponse<byte[]> response) throws IOException {
    JsonNode body = Json.parse(response.body());
    if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
      throw new IOException(
          "the token endpoint answered HTTP "
              + response.statusCode()
              + " "
              + body.path("error").asText("")
              + " "
              + body.path("error_description").asText(""));
    }
    accessToken = body.path("access_token").asText();
    idToken = body.path("id_token").asText(idToken);
    if (body.hasNonNull("refresh_token")) {
      refreshToken = body.path("refresh_token").asText();
    }
    expiresAt =
        body.has("expires_in") ? Instant.now().plusSeconds(body.path("expires_in").asLong()) : null;
    if (options.sendIdToken && idToken == null) {
      throw new IOException(
          "--send-id-token was given, but the token endpoint returned no id_token (ask for scope openid)");
    }
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  /**
   * Where the authorization server takes users and requests, and what this server is called there.
   */
  private record Endpoints(
      String authorization,
      String token,
      String registration,
      String resource,
      String scopes,
      boolean openId) {}
}
