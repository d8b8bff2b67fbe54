package dev.toolsmith.runtime.metrics.emf;

import com.amazonaws.services.lambda.runtime.Context;
import dev.toolsmith.runtime.intercept.InterceptedRequest;
import dev.toolsmith.runtime.intercept.Interceptor;
import dev.toolsmith.runtime.intercept.Invocation;
import dev.toolsmith.runtime.intercept.InvocationOutcome;
import dev.toolsmith.runtime.intercept.Outcome;
import dev.toolsmith.runtime.lambda.LambdaInvocation;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * Writes CloudWatch metrics for every tool call, in the Embedded Metric Format: one JSON document
 * per call on standard output, which Lambda sends to CloudWatch Logs and CloudWatch turns into
 * metrics, with no API call and no agent.
 *
 * <p>Each tool call records, under the dimensions {@code service} and {@code tool}:
 *
 * <ul>
 *   <li>{@value #INVOCATIONS} (count, 1);
 *   <li>{@value #LATENCY} (milliseconds);
 *   <li>{@value #ERRORS} (count, 1 for an {@code isError} result or a JSON-RPC error, else 0, so
 *       its average is the error rate);
 *   <li>{@value #INPUT_REQUIRED} (count, 1 when the tool asked the client for input, else 0).
 * </ul>
 *
 * and the first Lambda invocation of an execution environment, whatever it asks, records {@value
 * #COLD_START} (count, 1) under {@code service} and {@code function_name}, as Powertools does; the
 * Lambda adapter decides which invocation that is ({@link LambdaInvocation#isColdStart()}), so the
 * request log's {@code cold_start} agrees. Tools are the server's own, so the {@code tool}
 * dimension is bounded by its tool list; an unknown tool never reaches an invocation. Prompts and
 * resources are not metered: a resource's URI is not a bounded dimension. Each document also
 * carries the Lambda request id, the outcome and the protocol version as properties, which Logs
 * Insights can search but which cost no metric.
 *
 * <p>Documents are written with the AWS embedded-metrics library. Its own environment detection is
 * not used: off Lambda it probes the EC2 and ECS metadata endpoints over the network, which no
 * request should wait for.
 */
public final class EmfMetrics implements Interceptor {
  /** The variable whose presence turns metrics on, naming their CloudWatch namespace. */
  public static final String NAMESPACE_VARIABLE = "POWERTOOLS_METRICS_NAMESPACE";

  /** The variable naming the service dimension, as Powertools reads it. */
  public static final String SERVICE_VARIABLE = "POWERTOOLS_SERVICE_NAME";

  /** Tool calls, per service and tool. */
  public static final String INVOCATIONS = "Invocations";

  /** Tool call latency in milliseconds, per service and tool. */
  public static final String LATENCY = "Latency";

  /** Tool calls that ended in an error (0 or 1 each), per service and tool. */
  public static final String ERRORS = "Errors";

  /** Tool calls that asked the client for input (0 or 1 each), per service and tool. */
  public static final String INPUT_REQUIRED = "InputRequired";

  /** Cold starts, per service and function. */
  public static final String COLD_START = "ColdStart";

  static final String UNDEFINED_SERVICE = "service_undefined";

  /** The variable Lambda sets in every execution environment, naming the function. */
  static final String LAMBDA_FUNCTION_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME";

  private final String namespace;
  private final String service;
  private final StdoutEnvironment environment;
  private final boolean meterOnlyInvocations;

  private EmfMetrics(
      String namespace, String service, Consumer<String> output, boolean meterOnlyInvocations) {
    this.namespace = namespace;
    this.service = service;
    this.environment = new StdoutEnvironment(service, output);
    this.meterOnlyInvocations = meterOnlyInvocations;
  }

  /**
   * Returns the metrics the environment asks for: present when {@value #NAMESPACE_VARIABLE} is set,
   * with the service from {@value #SERVICE_VARIABLE}; empty otherwise, and then nothing of this
   * module or its library is loaded. In a Lambda execution environment (where {@value
   * #LAMBDA_FUNCTION_VARIABLE} is set) only tool calls that came in a Lambda invocation are
   * metered: the SnapStart priming calls made before the snapshot are no client's and would
   * otherwise be counted as invocations of the version being published.
   *
   * <pre>{@code
   * McpServer.Builder builder = McpServer.builder().name("weather");
   * EmfMetrics.fromEnvironment().ifPresent(builder::interceptor);
   * }</pre>
   */
  public static Optional<EmfMetrics> fromEnvironment() {
    return fromEnvironment(System.getenv(), System.out::println);
  }

  static Optional<EmfMetrics> fromEnvironment(
      Map<String, String> environment, Consumer<String> output) {
    String namespace = environment.get(NAMESPACE_VARIABLE);
    if (namespace == null || namespace.isBlank()) {
      return Optional.empty();
    }
    String service = environment.get(SERVICE_VARIABLE);
    return Optional.of(
        new EmfMetrics(
            namespace.strip(),
            service == null || service.isBlank() ? UNDEFINED_SERVICE : service.strip(),
            output,
            environment.get(LAMBDA_FUNCTION_VARIABLE) != null));
  }

  /**
   * Returns metrics in this namespace for this service, written to standard output.
   *
   * @throws IllegalArgumentException when the namespace or service is blank
   */
  public static EmfMetrics of(String namespace, String service) {
    return to(namespace, service, System.out::println);
  }

  /** Returns metrics that hand each EMF document to {@code output} (a file, a test). */
  public static EmfMetrics to(String namespace, String service, Consumer<String> output) {
    if (Objects.requireNonNull(namespace, "namespace").isBlank()) {
      throw new IllegalArgumentException(
          "The CloudWatch namespace is blank; name one, such as 'Toolsmith'");
    }
    if (Objects.requireNonNull(service, "service").isBlank()) {
      throw new IllegalArgumentException("The service is blank; name one, such as 'weather'");
    }
    return new EmfMetrics(namespace, service, Objects.requireNonNull(output, "output"), false);
  }

  /** Counts the execution environment's cold start once, in its first invocation's request. */
  @Override
  public void beforeRequest(InterceptedRequest request) {
    LambdaInvocation lambda = request.transportAttribute(LambdaInvocation.class).orElse(null);
    if (lambda == null || !lambda.isColdStart()) {
      return;
    }
    MetricsLogger cold = logger();
    cold.setDimensions(
        DimensionSet.of("service", service, "function_name", lambda.context().getFunctionName()));
    cold.putMetric(COLD_START, 1, Unit.COUNT);
    cold.flush();
  }

  @Override
  public void afterInvocation(Invocation invocation, InvocationOutcome outcome) {
    if (invocation.kind() != Invocation.Kind.TOOL) {
      return;
    }
    Optional<Context> lambda = invocation.context().transportAttribute(Context.class);
    if (meterOnlyInvocations && lambda.isEmpty()) {
      return; // SnapStart priming, before any client
    }
    String requestId = lambda.map(Context::getAwsRequestId).orElse(null);
    MetricsLogger metrics = logger();
    metrics.setDimensions(DimensionSet.of("service", service, "tool", invocation.name()));
    Outcome.Status status = outcome.status();
    metrics.putMetric(INVOCATIONS, 1, Unit.COUNT);
    metrics.putMetric(LATENCY, outcome.durationNanos() / 1e6, Unit.MILLISECONDS);
    metrics.putMetric(
        ERRORS,
        status == Outcome.Status.ERROR || status == Outcome.Status.TOOL_ERROR ? 1 : 0,
        Unit.COUNT);
    metrics.putMetric(INPUT_REQUIRED, status == Outcome.Status.INPUT_REQUIRED ? 1 : 0, Unit.COUNT);
    metrics.putProperty("outcome", status.name().toLowerCase(java.util.Locale.ROOT));
    metrics.putProperty("protocol_version", invocation.protocolVersion());
    if (requestId != null) {
      metrics.putProperty("function_request_id", requestId);
    }
    outcome.errorId().ifPresent(id -> metrics.putProperty("error_id", id));
    metrics.flush();
  }

  private MetricsLogger logger() {
    MetricsLogger logger = new MetricsLogger(environment);
    logger.setNamespace(namespace);
    return logger;
  }

  @Override
  public String toString() {
    return "EmfMetrics[namespace " + namespace + ", service " + service + "]";
  }
}
