package dev.toolsmith.runtime.opentelemetry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.intercept.InterceptedRequest;
import dev.toolsmith.runtime.lambda.LambdaInvocation;
import dev.toolsmith.runtime.lambda.XrayTraceHeader;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * Finds the trace a request belongs to, most specific first:
 *
 * <ol>
 *   <li>the W3C trace context the client put in the request's {@code _meta} ({@code traceparent},
 *       {@code tracestate}, {@code baggage}), as MCP 2026-07-28 carries it: the client's own span;
 *   <li>the W3C headers of the HTTP request that carried it;
 *   <li>a span already current (an agent's or the ADOT Lambda layer's invocation span);
 *   <li>the Lambda invocation's X-Ray trace header, as the Lambda adapter found it ({@link
 *       LambdaInvocation#traceHeader()}).
 * </ol>
 *
 * <p>The W3C formats are read whatever propagators the application configured: they are the formats
 * MCP and HTTP name.
 */
final class TraceParents {
  private static final TextMapPropagator W3C =
      TextMapPropagator.composite(
          W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());

  private TraceParents() {}

  static Context of(InterceptedRequest request) {
    JsonNode meta = request.params().get("_meta");
    if (meta != null && meta.has("traceparent")) {
      Context fromMeta = W3C.extract(Context.root(), meta, META);
      if (hasSpan(fromMeta)) {
        return fromMeta;
      }
    }
    Headers headers = request.transportAttribute(Headers.class).orElse(null);
    if (headers != null && headers.first("traceparent") != null) {
      Context fromHeaders = W3C.extract(Context.root(), headers, HEADERS);
      if (hasSpan(fromHeaders)) {
        return fromHeaders;
      }
    }
    Context current = Context.current();
    if (hasSpan(current)) {
      return current;
    }
    SpanContext lambda =
        request
            .transportAttribute(LambdaInvocation.class)
            .flatMap(LambdaInvocation::traceHeader)
            .map(TraceParents::spanContext)
            .orElse(null);
    return lambda == null ? current : Context.root().with(Span.wrap(lambda));
  }

  /** Returns the remote span an X-Ray header names, or null when it names none validly. */
  static SpanContext spanContext(XrayTraceHeader header) {
    String traceId = header.w3cTraceId().orElse(null);
    if (traceId == null || header.parent() == null) {
      return null;
    }
    SpanContext context =
        SpanContext.createFromRemoteParent(
            traceId,
            header.parent(),
            header.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(),
            TraceState.getDefault());
    return context.isValid() ? context : null;
  }

  private static boolean hasSpan(Context context) {
    return Span.fromContext(context).getSpanContext().isValid();
  }

  private static final TextMapGetter<JsonNode> META =
      new TextMapGetter<>() {
        @Override
        public String get(JsonNode meta, String key) {
          JsonNode value = meta == null ? null : meta.get(key);
          return value != null && value.isTextual() ? value.textValue() : null;
        }
      };

  private static final TextMapGetter<Headers> HEADERS =
      new TextMapGetter<>() {
        @Override
        public String get(Headers headers, String key) {
          return headers == null ? null : headers.first(key);
        }
      };
}
