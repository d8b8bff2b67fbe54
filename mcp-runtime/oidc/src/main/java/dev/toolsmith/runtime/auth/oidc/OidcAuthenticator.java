package dev.toolsmith.runtime.auth.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.auth.BearerHeader;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An OAuth 2.1 resource server for MCP: admits requests whose bearer token is a JWT from one OIDC
 * issuer, issued for this server, and currently valid.
 *
 * <p>Checks, in the order a token fails them: the {@code Authorization: Bearer} header; the JWT's
 * shape; its signature, with a key from the issuer's JWKS (found through OIDC discovery, cached
 * across requests, refetched, rate-limited, when a token names a key it does not know, as after a
 * rotation) and an algorithm from the allow-list (asymmetric only: never {@code none}, never an
 * HMAC, so a public key cannot be turned into a shared secret); the issuer, exactly; the audience,
 * which must name this server's canonical URL (RFC 8707); {@code exp}, {@code nbf} and {@code iat},
 * with a bounded clock skew. JWT handling is nimbus-jose-jwt's; nothing here is hand-written
 * crypto.
 *
 * <p>A refusal is 401 with {@code WWW-Authenticate: Bearer resource_metadata="...", scope="..."}
 * pointing at the Protected Resource Metadata (RFC 9728) the server publishes, and a message that
 * says which check failed without any value that would help an attacker. The caller's {@link
 * Identity} carries {@code sub}, the scopes from {@code scope} or {@code scp}, and the claims.
 */
public final class OidcAuthenticator implements Authenticator {
  /** A compact JWS: three base64url parts, unpadded (RFC 7515 section 7.1). */
  private static final java.util.regex.Pattern COMPACT_JWS =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  /** Refusals an attacker can repeat at will are logged a bounded number of times. */
  private static final BoundedLog REJECTED = new BoundedLog(java.time.Duration.ofMinutes(1));

  private static final BoundedLog UNREACHABLE = new BoundedLog(java.time.Duration.ofSeconds(10));

  private static final Set<JWSAlgorithm> DEFAULT_ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.EdDSA);

  private final String issuer;
  private final Set<String> issuers;
  private final String audience;
  private final Set<String> tokenAudiences;
  private final Set<String> clientIds;
  private final java.util.Map<String, String> requiredClaims;
  private final String resourceMetadataUrl;
  private final List<String> scopesSupported;
  private final Set<JWSAlgorithm> algorithms;
  private final Duration clockSkew;
  private final URI jwksUri;
  private volatile DefaultJWTProcessor<SecurityContext> processor;

  private OidcAuthenticator(Builder builder) {
    this.issuer = builder.issuer;
    this.issuers = ordered(builder.issuers);
    this.audience = builder.audience;
    this.tokenAudiences =
        builder.clientIds.isEmpty()
            ? ordered(
                builder.tokenAudiences.isEmpty()
                    ? Set.of(builder.audience)
                    : builder.tokenAudiences)
            : Set.of();
    this.clientIds = ordered(builder.clientIds);
    this.requiredClaims = java.util.Map.copyOf(builder.requiredClaims);
    this.resourceMetadataUrl = builder.resourceMetadataUrl;
    this.scopesSupported = List.copyOf(builder.scopes);
    this.algorithms = Set.copyOf(builder.algorithms);
    this.clockSkew = builder.clockSkew;
    this.jwksUri = builder.jwksUri;
  }

  /**
   * Keeps the order settings were given in, so messages and {@link #toString()} read as configured.
   */
  private static Set<String> ordered(Set<String> values) {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  /**
   * Returns a builder for access tokens from any OIDC issuer, such as Keycloak's {@code
   * https://sso.example.com/realms/main}: tokens must name this server's canonical URL, set with
   * {@link Builder#audience}, in {@code aud}.
   */
  public static Builder issuer(String issuer) {
    return new Builder(issuer);
  }

  /**
   * Returns a builder for Google. Google issues opaque access tokens to third-party APIs, so what a
   * client sends here is a Google <em>ID token</em>: a JWT from {@code https://accounts.google.com}
   * (or its older spelling {@code accounts.google.com}) whose {@code aud} is the OAuth client ID
   * the client signed in with. Set {@link Builder#audience} to this server's URL for the metadata.
   *
   * @param oauthClientId the OAuth 2.0 client ID from the Google Cloud console, ending in {@code
   *     .apps.googleusercontent.com}
   */
  public static Builder google(String oauthClientId) {
    return new Builder("https://accounts.google.com")
        .alsoAcceptIssuer("accounts.google.com")
        .tokenAudience(oauthClientId);
  }

  /**
   * Returns a builder for Amazon Cognito user pool access tokens.
   *
   * <p>Cognito's access tokens carry no {@code aud}: they name the app client in {@code client_id}
   * and say {@code token_use: access}. So this preset binds tokens to the app clients you name
   * instead of to this server's URL, and refuses ID tokens. That is weaker than an audience: any
   * server trusting the same app client accepts the same token, so give this server an app client
   * of its own. Scopes come from {@code scope}, as resource-server scopes like {@code
   * board/messages.read}.
   *
   * @param region the pool's region, such as {@code eu-west-1}
   * @param userPoolId the pool's id, such as {@code eu-west-1_AbC123}
   * @param appClientIds the app clients whose tokens this server accepts
   */
  public static Builder cognito(String region, String userPoolId, String... appClientIds) {
    if (appClientIds.length == 0) {
      throw new IllegalArgumentException(
          "Name the Cognito app client(s) whose access tokens this server accepts");
    }
    return new Builder("https://cognito-idp." + region + ".amazonaws.com/" + userPoolId)
        .clientIds(appClientIds)
        .requireClaim("token_use", "access");
  }

  /**
   * Returns a builder for Auth0. The issuer is {@code https://<domain>/}, with the trailing slash
   * Auth0 puts in {@code iss}. Create an Auth0 API whose identifier is this server's canonical URL
   * and set the same URL with {@link Builder#audience}; if the API's identifier differs, name it
   * with {@link Builder#tokenAudience}.
   *
   * @param domain the tenant's domain, such as {@code example.eu.auth0.com}, or a custom domain
   */
  public static Builder auth0(String domain) {
    String host = domain.replaceFirst("^https://", "").replaceFirst("/+$", "");
    return new Builder("https://" + host + "/");
  }

  /**
   * Returns an authenticator configured by environment variables ({@code MCP_SERVER_URL}, {@code
   * MCP_OIDC_PROVIDER}, {@code MCP_OIDC_ISSUER}, {@code MCP_OIDC_CLIENT_IDS}, {@code
   * MCP_OIDC_AUDIENCE}, {@code MCP_OIDC_SCOPES}), as a deployment template sets them. When a
   * required one is missing, every request is refused with 503 naming it: authentication that was
   * asked for never silently turns off.
   */
  public static Authenticator fromEnvironment() {
    return OidcEnvironment.read(System.getenv());
  }

  /** Returns the issuer tokens must come from. */
  public String issuerUrl() {
    return issuer;
  }

  /** Returns this server's canonical URL, which tokens must name as their audience. */
  public String audience() {
    return audience;
  }

  @Override
  public AuthDecision authenticate(Headers headers) {
    BearerHeader header = BearerHeader.parse(headers.first("Authorization"));
    if (header.missing()) {
      return refuse(
          null,
          "This server needs an OAuth access token: send \"Authorization: Bearer <token>\". Its "
              + "protected-resource metadata says which authorization server issues them.");
    }
    if (!header.ok()) {
      return refuse("invalid_request", header.problem());
    }
    if (!COMPACT_JWS.matcher(header.token()).matches()) {
      // One token, one spelling: three base64url parts without padding (RFC 7515), which nimbus
      // would otherwise also accept padded or in standard base64.
      return refuse(
          "invalid_token",
          "The bearer token is not a well-formed JWT: three base64url parts without padding, "
              + "separated by dots.");
    }
    JWTClaimsSet claims;
    try {
      claims = processor().process(header.token(), null);
    } catch (ParseException e) {
      return refuse("invalid_token", "The bearer token is not a well-formed JWT.");
    } catch (BadJWTException e) {
      return refuse("invalid_token", claimProblem(e.getMessage()));
    } catch (BadJOSEException e) {
      return refuse(
          "invalid_token",
          "The bearer token's signature could not be verified with the issuer's keys and the "
              + "algorithms this server accepts.");
    } catch (RateLimitReachedException e) {
      // An unknown key id makes the key source refetch, at a bounded rate; past it the caller's
      // token names a key the issuer does not publish, which is the caller's problem.
      return refuse(
          "invalid_token",
          "The bearer token is signed with a key the issuer does not publish (unknown kid).");
    } catch (RemoteKeySourceException | JWKSetUnavailableException | IOException e) {
      // The issuer or its keys could not be reached: the operator's problem, not the caller's.
      UNREACHABLE.log("The issuer's keys could not be fetched: " + e.getMessage());
      return AuthDecision.refuse(
          503,
          null,
          "The server could not check the bearer token right now (its authorization "
              + "server was not reachable); try again shortly.");
    } catch (com.nimbusds.jose.JOSEException | RuntimeException e) {
      // Whatever else the token's contents made the verifier throw: refused, never a stack trace.
      REJECTED.log("A bearer token was refused by the verifier: " + e.getClass().getSimpleName());
      return refuse(
          "invalid_token",
          "The bearer token could not be verified: its header names an algorithm, key or "
              + "parameter this server does not accept.");
    }
    if (claims.getSubject() == null || claims.getSubject().isBlank()) {
      return refuse("invalid_token", "The bearer token names no subject (its sub claim is empty).");
    }
    if (!clientIds.isEmpty() && !clientIds.contains(stringClaim(claims, "client_id"))) {
      return refuse("invalid_token", "The bearer token was not issued for this server (client).");
    }
    return AuthDecision.allow(Identity.of(claims.getSubject(), scopes(claims), claimsJson(claims)));
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String text ? text : null;
  }

  /** Returns the RFC 9728 Protected Resource Metadata document for this server. */
  @Override
  public String protectedResourceMetadata() {
    ObjectNode metadata = Json.object();
    metadata.put("resource", audience);
    metadata.putArray("authorization_servers").add(issuer);
    if (!scopesSupported.isEmpty()) {
      ArrayNode scopes = metadata.putArray("scopes_supported");
      scopesSupported.forEach(scopes::add);
    }
    metadata.putArray("bearer_methods_supported").add("header");
    return Json.toString(metadata);
  }

  @Override
  public String insufficientScopeChallenge(String scopes) {
    return "Bearer error=\"insufficient_scope\", scope=\""
        + scopes
        + "\", resource_metadata=\""
        + resourceMetadataUrl
        + "\", error_description=\"The token lacks a scope this operation needs\"";
  }

  /** Returns the {@code WWW-Authenticate} value for a request refused for this reason. */
  String challenge(String error) {
    StringBuilder challenge =
        new StringBuilder("Bearer resource_metadata=\"").append(resourceMetadataUrl).append('"');
    if (!scopesSupported.isEmpty()) {
      challenge.append(", scope=\"").append(String.join(" ", scopesSupported)).append('"');
    }
    if (error != null) {
      challenge.append(", error=\"").append(error).append('"');
    }
    return challenge.toString();
  }

  private AuthDecision refuse(String error, String message) {
    return AuthDecision.refuse(401, challenge(error), message);
  }

  /**
   * Turns nimbus's claim complaints into messages that say which check failed, and not what it
   * expected.
   */
  private static String claimProblem(String problem) {
    String lower = problem == null ? "" : problem.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("expired")) {
      return "The bearer token has expired; get a new one.";
    }
    if (lower.contains("before use time") || lower.contains("nbf")) {
      return "The bearer token is not valid yet.";
    }
    if (lower.contains("iat")) {
      return "The bearer token's issue time (iat) is in the future, beyond the allowed clock skew.";
    }
    if (lower.contains("audience") || lower.contains("aud")) {
      return "The bearer token was not issued for this server (audience).";
    }
    if (lower.contains("missing")) {
      return "The bearer token lacks a claim this server requires.";
    }
    // After "missing", which contains "iss" too.
    if (lower.contains("iss")) {
      return "The bearer token was not issued by this server's authorization server.";
    }
    if (lower.contains("token_use")) {
      return "The bearer token is not an access token.";
    }
    return "The bearer token's claims are not acceptable.";
  }

  private DefaultJWTProcessor<SecurityContext> processor() throws IOException {
    DefaultJWTProcessor<SecurityContext> current = processor;
    if (current == null) {
      synchronized (this) {
        current = processor;
        if (current == null) {
          current = newProcessor();
          processor = current;
        }
      }
    }
    return current;
  }

  private DefaultJWTProcessor<SecurityContext> newProcessor() throws IOException {
    URL jwks = (jwksUri != null ? jwksUri : discoverJwksUri()).toURL();
    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks).retrying(true).build();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT,
            new JOSEObjectType("at+jwt"),
            new JOSEObjectType("application/at+jwt"),
            null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    Set<String> required = new LinkedHashSet<>(List.of("sub", "exp", "iat", "iss"));
    required.addAll(requiredClaims.keySet());
    if (!clientIds.isEmpty()) {
      required.add("client_id");
    }
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    requiredClaims.forEach(exact::claim);
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            tokenAudiences.isEmpty() ? null : tokenAudiences, exact.build(), required, null) {
          @Override
          public void verify(JWTClaimsSet claimsSet, SecurityContext context)
              throws BadJWTException {
            super.verify(claimsSet, context);
            java.util.Date issuedAt = claimsSet.getIssueTime();
            if (issuedAt != null
                && issuedAt.toInstant().isAfter(java.time.Instant.now().plus(clockSkew))) {
              // nimbus bounds nbf and exp by the skew but not iat; a token from the future is not
              // one the issuer made.
              throw new BadJWTException("JWT iat is in the future");
            }
            if (!issuers.contains(claimsSet.getIssuer())) {
              throw new BadJWTException(
                  "JWT iss claim has value "
                      + claimsSet.getIssuer()
                      + ", must be one of "
                      + issuers);
            }
          }
        };
    claims.setMaxClockSkew((int) clockSkew.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    return processor;
  }

  /**
   * Reads {@code jwks_uri} from the issuer's OIDC discovery document, checking it names the same
   * issuer.
   */
  private URI discoverJwksUri() throws IOException {
    String url =
        issuer.endsWith("/")
            ? issuer + ".well-known/openid-configuration"
            : issuer + "/.well-known/openid-configuration";
    HttpResponse<byte[]> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .timeout(Duration.ofSeconds(10))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while fetching " + url, e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("OIDC discovery at " + url + " answered HTTP " + response.statusCode());
    }
    JsonNode document = Json.parse(response.body());
    if (!issuer.equals(document.path("issuer").asText())) {
      throw new IOException(
          "OIDC discovery at "
              + url
              + " names issuer '"
              + document.path("issuer").asText()
              + "', not '"
              + issuer
              + "'");
    }
    String jwks = document.path("jwks_uri").asText("");
    if (jwks.isEmpty()) {
      throw new IOException("OIDC discovery at " + url + " has no jwks_uri");
    }
    return URI.create(jwks);
  }

  /**
   * Returns the scopes of a token: the space-separated {@code scope} claim, or {@code scp} as a
   * list or string.
   */
  static Set<String> scopes(JWTClaimsSet claims) {
    Set<String> scopes = new LinkedHashSet<>();
    Object scope = claims.getClaim("scope");
    Object scp = claims.getClaim("scp");
    for (Object source : new Object[] {scope, scp}) {
      if (source instanceof String text) {
        for (String part : text.trim().split("\\s+")) {
          if (!part.isEmpty()) {
            scopes.add(part);
          }
        }
      } else if (source instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof String text && !text.isBlank()) {
            scopes.add(text);
          }
        }
      }
    }
    return scopes;
  }

  private static ObjectNode claimsJson(JWTClaimsSet claims) {
    try {
      return (ObjectNode) Json.parse(claims.toString());
    } catch (IOException e) {
      return Json.object();
    }
  }

  @Override
  public String toString() {
    return "OIDC (issuer "
        + issuer
        + ", "
        + (clientIds.isEmpty() ? "audience " + tokenAudiences : "app clients " + clientIds)
        + ")";
  }

  /** Configures an {@link OidcAuthenticator}. */
  public static final class Builder {
    private final String issuer;
    private final Set<String> issuers = new LinkedHashSet<>();
    private final Set<String> tokenAudiences = new LinkedHashSet<>();
    private final Set<String> clientIds = new LinkedHashSet<>();
    private final java.util.Map<String, String> requiredClaims = new java.util.LinkedHashMap<>();
    private String audience;
    private String resourceMetadataUrl;
    private final List<String> scopes = new ArrayList<>();
    private final Set<JWSAlgorithm> algorithms = new LinkedHashSet<>(DEFAULT_ALGORITHMS);
    private Duration clockSkew = Duration.ofSeconds(60);
    private URI jwksUri;

    private Builder(String issuer) {
      if (issuer == null || issuer.isBlank()) {
        throw new IllegalArgumentException("The OIDC issuer URL must not be blank");
      }
      this.issuer = issuer.trim();
      this.issuers.add(this.issuer);
    }

    /**
     * Sets this server's canonical URL, such as {@code https://mcp.example.com/mcp}: tokens must
     * name it in {@code aud} (RFC 8707) unless {@link #tokenAudience} or {@link #clientIds} bind
     * them otherwise, and the protected-resource metadata names it as the resource. Required.
     */
    public Builder audience(String canonicalUrl) {
      this.audience = Objects.requireNonNull(canonicalUrl, "canonicalUrl");
      return this;
    }

    /**
     * Accepts tokens whose {@code aud} names any of these instead of this server's URL: an identity
     * provider's API identifier, or an OAuth client ID for ID tokens. Prefer an audience that is
     * this server's URL, so a token for another server is never accepted here.
     */
    public Builder tokenAudience(String... audiences) {
      for (String value : audiences) {
        if (value == null || value.isBlank()) {
          throw new IllegalArgumentException("A token audience must not be blank");
        }
        tokenAudiences.add(value);
      }
      return this;
    }

    /**
     * Binds tokens to these OAuth clients through their {@code client_id} claim instead of {@code
     * aud}, for issuers whose access tokens have no audience (Amazon Cognito).
     */
    public Builder clientIds(String... ids) {
      for (String id : ids) {
        if (id == null || id.isBlank()) {
          throw new IllegalArgumentException("A client ID must not be blank");
        }
        clientIds.add(id);
      }
      return this;
    }

    /** Requires a claim to have exactly this value, such as {@code token_use} = {@code access}. */
    public Builder requireClaim(String name, String value) {
      requiredClaims.put(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Also accepts this spelling of the issuer in {@code iss}, as Google's older {@code
     * accounts.google.com}.
     */
    public Builder alsoAcceptIssuer(String issuer) {
      issuers.add(Objects.requireNonNull(issuer, "issuer"));
      return this;
    }

    /**
     * Sets where the protected-resource metadata is published; by default the RFC 9728
     * path-suffixed well-known URL of the audience.
     */
    public Builder resourceMetadataUrl(String url) {
      this.resourceMetadataUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /** Sets the scopes this server knows, advertised in the metadata and challenges. */
    public Builder scopesSupported(String... scopes) {
      this.scopes.clear();
      this.scopes.addAll(List.of(scopes));
      return this;
    }

    /**
     * Restricts the accepted signature algorithms, such as {@code "RS256"}. Only asymmetric ones
     * are allowed: a resource server holds no shared secret, and accepting an HMAC would let a
     * token be signed with the issuer's public key.
     */
    public Builder algorithms(String... names) {
      Set<JWSAlgorithm> chosen = new LinkedHashSet<>();
      for (String name : names) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
        if (!DEFAULT_ALGORITHMS.contains(algorithm)) {
          throw new IllegalArgumentException(
              "Algorithm '"
                  + name
                  + "' is not allowed; use an asymmetric one: "
                  + DEFAULT_ALGORITHMS);
        }
        chosen.add(algorithm);
      }
      this.algorithms.clear();
      this.algorithms.addAll(chosen);
      return this;
    }

    /**
     * Sets how far the clocks of this server and the issuer may disagree (default 60 s, at most 5
     * min).
     */
    public Builder clockSkew(Duration skew) {
      if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException(
            "clockSkew must be between 0 and 5 minutes, got " + skew);
      }
      this.clockSkew = skew;
      return this;
    }

    /** Uses this JWKS URL instead of the one OIDC discovery names. */
    public Builder jwksUri(String uri) {
      this.jwksUri = URI.create(uri);
      return this;
    }

    /** Returns the authenticator; it fetches discovery and keys on the first token it checks. */
    public OidcAuthenticator build() {
      if (audience == null || audience.isBlank()) {
        throw new IllegalStateException(
            "Set audience(\"https://your-server/mcp\"): tokens must be issued for this server");
      }
      if (resourceMetadataUrl == null) {
        URI resource = URI.create(audience);
        resourceMetadataUrl =
            resource.getScheme()
                + "://"
                + resource.getRawAuthority()
                + "/.well-known/oauth-protected-resource"
                + (resource.getRawPath() == null || resource.getRawPath().equals("/")
                    ? ""
                    : resource.getRawPath());
      }
      return new OidcAuthenticator(this);
    }
  }
}
