package dev.toolsmith.runtime.lambda.tasks;

import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.lambda.McpLambdaHandler;
import dev.toolsmith.runtime.lifecycle.Lifespan;
import dev.toolsmith.runtime.task.TaskLauncher;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Starts each task with an asynchronous invocation ({@code InvocationType=Event}) of the function
 * that created it, the same version, with the event {@code {"toolsmithRunTask": "<taskId>"}}; that
 * invocation runs the task's tool to its end or its next input request. A Lambda invocation ends
 * when its handler returns, so this is how a task outlives the request that created it (and API
 * Gateway's 29 s): the creating request returns the task's handle at once.
 *
 * <p>The role needs {@code lambda:InvokeFunction} on the function itself (and its versions), as
 * {@code examples/reports/template.yaml} grants. Lambda retries a failed asynchronous invocation
 * twice; a run that finds its task no longer working does nothing, so a retry cannot run a task
 * twice after it has ended.
 *
 * <p>The Lambda client is built on first use, except while Lambda creates a SnapStart snapshot,
 * when it is built at once so the snapshot holds it. Its endpoint is {@code
 * AWS_ENDPOINT_URL_LAMBDA} or {@code AWS_ENDPOINT_URL} when set.
 */
public final class SelfInvokingLauncher implements TaskLauncher {
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private final String function;
  private final String qualifier;
  private final Supplier<LambdaClient> clients;
  private volatile LambdaClient client;

  SelfInvokingLauncher(String function, String qualifier, Supplier<LambdaClient> clients) {
    this.function = Objects.requireNonNull(function, "function");
    this.qualifier = qualifier;
    this.clients = clients;
  }

  /**
   * Returns a launcher for the function this environment runs: {@code AWS_LAMBDA_FUNCTION_NAME} at
   * {@code AWS_LAMBDA_FUNCTION_VERSION}.
   *
   * @throws IllegalStateException outside Lambda, where there is no function to invoke
   */
  public static SelfInvokingLauncher fromEnvironment(Map<String, String> environment) {
    String function = environment.get("AWS_LAMBDA_FUNCTION_NAME");
    if (function == null || function.isBlank()) {
      throw new IllegalStateException(
          "AWS_LAMBDA_FUNCTION_NAME is not set: a self-invoking launcher runs only on AWS Lambda."
              + " Elsewhere tasks run on the server's own threads.");
    }
    String version = environment.get("AWS_LAMBDA_FUNCTION_VERSION");
    SelfInvokingLauncher launcher =
        new SelfInvokingLauncher(
            function,
            version == null || version.isBlank() || version.equals("$LATEST") ? null : version,
            () -> build(environment));
    if (Lifespan.snapshotting(environment)) {
      launcher.client();
    }
    return launcher;
  }

  @Override
  public void launch(String taskId, Runnable runHere) {
    String event =
        Json.write(
            gen -> {
              gen.writeStartObject();
              gen.writeStringField(McpLambdaHandler.RUN_TASK_FIELD, taskId);
              gen.writeEndObject();
            });
    InvokeResponse response =
        client()
            .invoke(
                request ->
                    request
                        .functionName(function)
                        .qualifier(qualifier)
                        .invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromUtf8String(event)));
    if (response.statusCode() != 202) {
      throw new IllegalStateException(
          "Lambda answered the task's asynchronous invocation of "
              + function
              + " with status "
              + response.statusCode()
              + " instead of 202 Accepted");
    }
  }

  private LambdaClient client() {
    LambdaClient built = client;
    if (built == null) {
      synchronized (this) {
        built = client;
        if (built == null) {
          built = clients.get();
          client = built;
        }
      }
    }
    return built;
  }

  private static LambdaClient build(Map<String, String> environment) {
    LambdaClientBuilder builder =
        LambdaClient.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(ATTEMPT_TIMEOUT))
            .credentialsProvider(credentials(environment))
            .overrideConfiguration(
                override ->
                    override.apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT));
    String region = environment.get("AWS_REGION");
    if (region != null && !region.isBlank()) {
      builder.region(Region.of(region.trim()));
    }
    String endpoint = environment.getOrDefault("AWS_ENDPOINT_URL_LAMBDA", "");
    if (endpoint.isBlank()) {
      endpoint = environment.getOrDefault("AWS_ENDPOINT_URL", "");
    }
    if (!endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint.trim()));
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(Map<String, String> environment) {
    // Lambda puts the role's credentials in the environment, read here from the given map; the
    // default chain's other sources (profiles, SSO, IMDS) only cost start-up time there.
    String key = environment.get("AWS_ACCESS_KEY_ID");
    String secret = environment.get("AWS_SECRET_ACCESS_KEY");
    if (key == null || secret == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    String token = environment.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(
        token == null
            ? AwsBasicCredentials.create(key, secret)
            : AwsSessionCredentials.create(key, secret, token));
  }

  @Override
  public String toString() {
    return "SelfInvokingLauncher{" + function + (qualifier == null ? "" : ":" + qualifier) + "}";
  }
}
