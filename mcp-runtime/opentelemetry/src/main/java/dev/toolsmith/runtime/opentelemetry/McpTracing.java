package dev.toolsmith.runtime.opentelemetry;

import static dev.toolsmith.runtime.opentelemetry.McpAttributes.ERA;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.ERROR_ID;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.ERROR_TYPE;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.EXECUTE_TOOL;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.METHOD;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.OPERATION;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.OUTCOME;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.PROMPT_NAME;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.PROTOCOL_VERSION;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.REQUEST_ID;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.RESOURCE_URI;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.SESSION_ID;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.STATUS_CODE;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.TOOL_ERROR;
import static dev.toolsmith.runtime.opentelemetry.McpAttributes.TOOL_NAME;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.intercept.InterceptedRequest;
import dev.toolsmith.runtime.intercept.Interceptor;
import dev.toolsmith.runtime.intercept.Invocation;
import dev.toolsmith.runtime.intercept.InvocationOutcome;
import dev.toolsmith.runtime.intercept.Outcome;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Traces every request the server answers with a {@code SERVER} span, and every tool, prompt and
 * resource invocation with a child span that is current while it runs, so what the tool calls (an
 * AWS SDK client with its OpenTelemetry instrumentation, an instrumented HTTP client) joins the
 * trace.
 *
 * <p>Spans follow the OpenTelemetry semantic conventions for MCP: a request span is named {@code
 * {mcp.method.name} {target}} ({@code tools/call get_weather}) and carries {@code mcp.method.name},
 * {@code mcp.protocol.version}, {@code mcp.session.id}, {@code jsonrpc.request.id}, {@code
 * gen_ai.tool.name} or {@code gen_ai.prompt.name}, {@code mcp.resource.uri}, and on failure {@code
 * rpc.response.status_code} and {@code error.type}. A tool's {@code isError} result marks both
 * spans as errors with {@code error.type=tool_error}. Arguments, results and identities are never
 * recorded; an unexpected failure records its exception's class and the error id it is logged
 * under, not its message.
 *
 * <p>The parent is the trace context in the request's {@code _meta}, else its W3C {@code
 * traceparent} header, else a span already current, else the Lambda invocation's trace header.
 *
 * <p>This module needs only the OpenTelemetry API: bring the SDK (or run under the AWS Distro for
 * OpenTelemetry Lambda layer or Java agent, which register it globally). Without one, every span is
 * a no-op.
 */
public final class McpTracing implements Interceptor {
  /** The instrumentation scope spans are recorded under. */
  public static final String INSTRUMENTATION_NAME = "dev.toolsmith.mcp";

  private final Tracer tracer;

  private McpTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** Returns tracing through this OpenTelemetry instance (an SDK the application built). */
  public static McpTracing create(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    return new McpTracing(openTelemetry.getTracer(INSTRUMENTATION_NAME));
  }

  /**
   * Returns tracing through the globally registered OpenTelemetry: the one the ADOT Lambda layer,
   * the Java agent or the application's own {@code buildAndRegisterGlobal()} installed.
   */
  public static McpTracing fromGlobal() {
    return create(GlobalOpenTelemetry.get());
  }

  /**
   * Returns tracing through the global OpenTelemetry when the process is set up for OpenTelemetry:
   * one of {@code OTEL_SERVICE_NAME}, {@code OTEL_TRACES_EXPORTER} (other than {@code none}) or
   * {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, or {@code AWS_LAMBDA_EXEC_WRAPPER} (which the ADOT
   * Lambda layer sets); empty otherwise, and then no OpenTelemetry class is loaded.
   *
   * <pre>{@code
   * McpTracing.fromEnvironment().ifPresent(builder::interceptor);
   * }</pre>
   */
  public static Optional<McpTracing> fromEnvironment() {
    return configured(System.getenv()) ? Optional.of(fromGlobal()) : Optional.empty();
  }

  static boolean configured(Map<String, String> environment) {
    String exporter = environment.get("OTEL_TRACES_EXPORTER");
    return environment.containsKey("OTEL_SERVICE_NAME")
        || environment.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
        || environment.containsKey("AWS_LAMBDA_EXEC_WRAPPER")
        || (exporter != null && !exporter.strip().equalsIgnoreCase("none"));
  }

  @Override
  public void beforeRequest(InterceptedRequest request) {
    Context parent = TraceParents.of(request);
    String target = request.name().orElse(null);
    boolean lowCardinality = target != null && !request.method().startsWith("resources/");
    SpanBuilder builder =
        tracer
            .spanBuilder(lowCardinality ? request.method() + " " + target : request.method())
            .setSpanKind(SpanKind.SERVER)
            .setParent(parent)
            .setAttribute(METHOD, request.method())
            .setAttribute(ERA, request.era().name().toLowerCase(Locale.ROOT));
    request.protocolVersion().ifPresent(version -> builder.setAttribute(PROTOCOL_VERSION, version));
    JsonNode id = request.id();
    if (id != null && !id.isNull() && !id.isMissingNode()) {
      builder.setAttribute(REQUEST_ID, id.isTextual() ? id.textValue() : id.toString());
    }
    String session =
        request.transportAttribute(Headers.class).map(h -> h.first("Mcp-Session-Id")).orElse(null);
    if (session != null) {
      builder.setAttribute(SESSION_ID, session);
    }
    if (target != null) {
      switch (request.method()) {
        case "tools/call":
          builder.setAttribute(TOOL_NAME, target).setAttribute(OPERATION, EXECUTE_TOOL);
          break;
        case "prompts/get":
          builder.setAttribute(PROMPT_NAME, target);
          break;
        default:
          builder.setAttribute(RESOURCE_URI, target);
      }
    }
    Span span = builder.startSpan();
    request.attach(HeldSpan.class, new HeldSpan(span, span.storeInContext(parent).makeCurrent()));
  }

  @Override
  public void afterRequest(InterceptedRequest request, Outcome outcome) {
    request.attached(HeldSpan.class).ifPresent(held -> held.end(outcome));
  }

  @Override
  public void beforeInvocation(Invocation invocation) {
    SpanBuilder builder;
    switch (invocation.kind()) {
      case TOOL:
        builder =
            tracer
                .spanBuilder(EXECUTE_TOOL + " " + invocation.name())
                .setAttribute(TOOL_NAME, invocation.name())
                .setAttribute(OPERATION, EXECUTE_TOOL);
        break;
      case PROMPT:
        builder =
            tracer
                .spanBuilder("get_prompt " + invocation.name())
                .setAttribute(PROMPT_NAME, invocation.name());
        break;
      default:
        builder = tracer.spanBuilder("read_resource").setAttribute(RESOURCE_URI, invocation.name());
    }
    Span span =
        builder
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(PROTOCOL_VERSION, invocation.protocolVersion())
            .startSpan();
    invocation.attach(HeldSpan.class, new HeldSpan(span, span.makeCurrent()));
  }

  @Override
  public void onError(Invocation invocation, Throwable failure) {
    invocation
        .attached(HeldSpan.class)
        .ifPresent(held -> held.span.setAttribute(ERROR_TYPE, failure.getClass().getName()));
  }

  @Override
  public void afterInvocation(Invocation invocation, InvocationOutcome outcome) {
    invocation.attached(HeldSpan.class).ifPresent(held -> held.end(outcome));
  }

  /** Records how a request or invocation ended: its outcome, and for errors what kind. */
  private static void record(Span span, Outcome outcome) {
    span.setAttribute(OUTCOME, outcome.status().name().toLowerCase(Locale.ROOT));
    outcome.errorId().ifPresent(id -> span.setAttribute(ERROR_ID, id));
    switch (outcome.status()) {
      case ERROR:
        String code = String.valueOf(outcome.errorCode().orElse(0));
        span.setAttribute(STATUS_CODE, code);
        if (outcome.errorId().isEmpty()) {
          span.setAttribute(ERROR_TYPE, code);
        }
        span.setStatus(StatusCode.ERROR, outcome.errorMessage().orElse(code));
        break;
      case TOOL_ERROR:
        if (outcome.errorId().isEmpty()) {
          span.setAttribute(ERROR_TYPE, TOOL_ERROR);
        }
        span.setStatus(StatusCode.ERROR, "The tool answered with an error result");
        break;
      default:
        break;
    }
  }

  @Override
  public String toString() {
    return "McpTracing[" + tracer + "]";
  }

  /**
   * A span and the scope that made it current: ended and closed, on the thread that opened it, when
   * its request or invocation ends.
   */
  private static final class HeldSpan {
    final Span span;
    final Scope scope;

    HeldSpan(Span span, Scope scope) {
      this.span = span;
      this.scope = scope;
    }

    void end(Outcome outcome) {
      try {
        record(span, outcome);
      } finally {
        scope.close();
        span.end();
      }
    }
  }
}
