package dev.toolsmith.runtime.session.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client {@link DynamoDbSessionStore#fromEnvironment(String)} builds: the region,
 * credentials and endpoint from the environment, the JDK's connections, and calls bounded so a hung
 * table fails within a Lambda's time.
 */
final class EnvironmentClient {
  /** How long one attempt of a DynamoDB call may take, in the client made from the environment. */
  static final java.time.Duration ATTEMPT_TIMEOUT = java.time.Duration.ofSeconds(3);

  /**
   * How long a DynamoDB call may take with its retries, in the client made from the environment.
   */
  static final java.time.Duration CALL_TIMEOUT = java.time.Duration.ofSeconds(10);

  /** How many attempts a DynamoDB call gets, in the client made from the environment. */
  static final int MAX_ATTEMPTS = 4;

  /** How long connecting to DynamoDB may take, in the client made from the environment. */
  static final java.time.Duration CONNECT_TIMEOUT = java.time.Duration.ofSeconds(2);

  private EnvironmentClient() {}

  /** Returns the store's HTTP client: the JDK's connections, able to prime offline. */
  static PrimableHttpClient http() {
    return new PrimableHttpClient(
        () ->
            UrlConnectionHttpClient.create(new HttpConnections(CONNECT_TIMEOUT, ATTEMPT_TIMEOUT)));
  }

  static DynamoDbClient build(
      Map<String, String> environment, Optional<java.net.URI> endpoint, SdkHttpClient http) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .httpClient(http)
            // Bounded, so a hung table fails a call with a clear tool error well within a
            // Lambda's timeout instead of holding it for the HTTP client's 30 s per attempt.
            .overrideConfiguration(EnvironmentClient::bounded);
    String region = environment.get("AWS_REGION");
    if (region != null && !region.isBlank()) {
      builder.region(Region.of(region));
    }
    if (environment.get("AWS_ACCESS_KEY_ID") != null
        && environment.get("AWS_SECRET_ACCESS_KEY") != null) {
      // What Lambda provides; skipping the default chain's probes of profiles, SSO and IMDS saves
      // start-up time.
      builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
    }
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * Returns the endpoint the environment names, as the SDK reads it ({@code
   * AWS_ENDPOINT_URL_DYNAMODB}, then {@code AWS_ENDPOINT_URL}, neither when {@code
   * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}), from the given environment rather than the
   * process's. Checked when the store is made, so a mistyped URL fails the start, not a call.
   *
   * @throws IllegalArgumentException when the URL is not an absolute http or https URL
   */
  static Optional<java.net.URI> endpoint(Map<String, String> environment) {
    if ("true".equalsIgnoreCase(environment.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))) {
      return Optional.empty();
    }
    for (String name : List.of("AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL")) {
      String url = environment.get(name);
      if (url != null && !url.isBlank()) {
        return Optional.of(endpointUrl(name, url.trim()));
      }
    }
    return Optional.empty();
  }

  private static java.net.URI endpointUrl(String variable, String url) {
    try {
      java.net.URI uri = new java.net.URI(url);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // Reported below with the variable's name.
    }
    throw new IllegalArgumentException(
        variable
            + " must be an http or https URL such as http://localhost:8000 (DynamoDB Local), got '"
            + url
            + "'");
  }

  /**
   * Bounds a client's calls the way {@link DynamoDbSessionStore#fromEnvironment(String)} does: 3 s
   * per attempt, 10 s in all, and at most 4 attempts (throttling backs off about 1, 2 and 4 s), so
   * a call ends within its time with DynamoDB's own error, throttling included, rather than a bare
   * timeout.
   */
  static void bounded(
      software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.Builder override) {
    override
        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
        .apiCallTimeout(CALL_TIMEOUT)
        .retryStrategy(retries -> retries.maxAttempts(MAX_ATTEMPTS));
  }
}
