package dev.toolsmith.runtime.micrometer;

import dev.toolsmith.runtime.intercept.InterceptedRequest;
import dev.toolsmith.runtime.intercept.Interceptor;
import dev.toolsmith.runtime.intercept.Invocation;
import dev.toolsmith.runtime.intercept.InvocationOutcome;
import dev.toolsmith.runtime.intercept.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records the meters of every tool call in a Micrometer registry: the same meters {@code
 * toolsmith-metrics-emf} writes to CloudWatch on Lambda, for the container server's Prometheus,
 * OTLP or other registry.
 *
 * <ul>
 *   <li>{@value #INVOCATIONS} (counter; tags {@code service}, {@code tool}, {@code outcome});
 *   <li>{@value #LATENCY} (timer; tags {@code service}, {@code tool});
 *   <li>{@value #ERRORS} (counter; an {@code isError} result or a JSON-RPC error);
 *   <li>{@value #INPUT_REQUIRED} (counter; the tool asked the client for input);
 *   <li>{@value #COLD_STARTS} (counter; tag {@code service}): 1 once the process served its first
 *       request.
 * </ul>
 *
 * <p>Tags are bounded: {@code tool} takes only the server's own tool names (an unknown tool is
 * refused before it is invoked), {@code outcome} one of four values. Prompts and resources are not
 * metered. Meters are registered once per tool and reused, so a call costs a map lookup and the
 * increments.
 */
public final class MicrometerMetrics implements Interceptor {
  /** Tool calls. */
  public static final String INVOCATIONS = "mcp.tool.invocations";

  /** Tool call latency. */
  public static final String LATENCY = "mcp.tool.latency";

  /** Tool calls that ended in an error. */
  public static final String ERRORS = "mcp.tool.errors";

  /** Tool calls that asked the client for input. */
  public static final String INPUT_REQUIRED = "mcp.tool.input.required";

  /** Cold starts of the process. */
  public static final String COLD_STARTS = "mcp.cold.starts";

  private final MeterRegistry registry;
  private final String service;
  private final ConcurrentMap<String, ToolMeters> tools = new ConcurrentHashMap<>();
  private final AtomicBoolean served = new AtomicBoolean();
  private final Counter coldStarts;

  private MicrometerMetrics(MeterRegistry registry, String service) {
    this.registry = registry;
    this.service = service;
    this.coldStarts =
        Counter.builder(COLD_STARTS)
            .description("Cold starts: the process served its first request")
            .tag("service", service)
            .register(registry);
  }

  /**
   * Returns metrics recorded in this registry under this service name.
   *
   * @throws IllegalArgumentException when the service is blank
   */
  public static MicrometerMetrics of(MeterRegistry registry, String service) {
    Objects.requireNonNull(registry, "registry");
    if (Objects.requireNonNull(service, "service").isBlank()) {
      throw new IllegalArgumentException("The service is blank; name one, such as 'weather'");
    }
    return new MicrometerMetrics(registry, service);
  }

  @Override
  public void beforeRequest(InterceptedRequest request) {
    if (!served.get() && served.compareAndSet(false, true)) {
      coldStarts.increment();
    }
  }

  @Override
  public void afterInvocation(Invocation invocation, InvocationOutcome outcome) {
    if (invocation.kind() != Invocation.Kind.TOOL) {
      return;
    }
    tools.computeIfAbsent(invocation.name(), this::register).record(outcome);
  }

  private ToolMeters register(String tool) {
    return new ToolMeters(registry, service, tool);
  }

  @Override
  public String toString() {
    return "MicrometerMetrics[service "
        + service
        + ", "
        + registry.getClass().getSimpleName()
        + "]";
  }

  /** One tool's meters, registered on its first call. */
  private static final class ToolMeters {
    private final Counter[] invocations = new Counter[Outcome.Status.values().length];
    private final Timer latency;
    private final Counter errors;
    private final Counter inputRequired;

    ToolMeters(MeterRegistry registry, String service, String tool) {
      for (Outcome.Status status : Outcome.Status.values()) {
        invocations[status.ordinal()] =
            Counter.builder(INVOCATIONS)
                .description("Tool calls")
                .tag("service", service)
                .tag("tool", tool)
                .tag("outcome", status.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
      }
      latency =
          Timer.builder(LATENCY)
              .description("Tool call latency")
              .tag("service", service)
              .tag("tool", tool)
              .register(registry);
      errors =
          Counter.builder(ERRORS)
              .description("Tool calls that ended in an error")
              .tag("service", service)
              .tag("tool", tool)
              .register(registry);
      inputRequired =
          Counter.builder(INPUT_REQUIRED)
              .description("Tool calls that asked the client for input")
              .tag("service", service)
              .tag("tool", tool)
              .register(registry);
    }

    void record(Outcome outcome) {
      Outcome.Status status = outcome.status();
      invocations[status.ordinal()].increment();
      latency.record(outcome.durationNanos(), TimeUnit.NANOSECONDS);
      if (status == Outcome.Status.ERROR || status == Outcome.Status.TOOL_ERROR) {
        errors.increment();
      } else if (status == Outcome.Status.INPUT_REQUIRED) {
        inputRequired.increment();
      }
    }
  }
}
