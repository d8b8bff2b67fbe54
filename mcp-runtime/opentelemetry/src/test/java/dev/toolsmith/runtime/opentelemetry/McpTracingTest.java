package dev.toolsmith.runtime.opentelemetry;

import static dev.toolsmith.runtime.testing.Mcp.legacy;
import static dev.toolsmith.runtime.testing.Mcp.modern;
import static dev.toolsmith.runtime.testing.Mcp.result;
import static dev.toolsmith.runtime.testing.Mcp.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spans through the real OpenTelemetry SDK, read back from its in-memory exporter. */
class McpTracingTest {
  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String CLIENT_SPAN = "b7ad6b7169203331";
  static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private OpenTelemetrySdk sdk;
  private McpServer server;

  @BeforeEach
  void start() {
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build();
    server =
        McpServer.builder()
            .name("traced")
            .tools(new EchoPack(), new SpanPack(exporter))
            .discoverTools(false)
            .interceptor(McpTracing.create(sdk))
            .build();
  }

  @AfterEach
  void stop() {
    sdk.close();
  }

  private static String call(String tool, String arguments, boolean withTraceparent) {
    String meta = withTraceparent ? ",\"_meta\":{\"traceparent\":\"" + TRACEPARENT + "\"}" : "";
    return "\"name\":\"" + tool + "\",\"arguments\":" + arguments + meta;
  }

  @Test
  void aModernRequestWithTraceparentInMeta_isAChildOfTheClientsSpan() throws Exception {
    // The modern helper adds its own _meta; the traceparent joins it there.
    String params =
        "\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"},"
            + dev.toolsmith.runtime.testing.Mcp.MODERN_META.replace(
                "\"_meta\":{", "\"_meta\":{\"traceparent\":\"" + TRACEPARENT + "\",");
    server.handle(
        dev.toolsmith.runtime.testing.Mcp.post(
            dev.toolsmith.runtime.testing.Mcp.jsonHeaders()
                .add("MCP-Protocol-Version", "2026-07-28")
                .add("Mcp-Method", "tools/call")
                .add("Mcp-Name", "echo")
                .build(),
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{"
                + params
                + "}}"));

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(2);
    SpanData invocation = spans.get(0);
    SpanData request = spans.get(1);
    assertThat(request.getName()).isEqualTo("tools/call echo");
    assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(request.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(request.getParentSpanId()).isEqualTo(CLIENT_SPAN);
    assertThat(request.getParentSpanContext().isRemote()).isTrue();
    assertThat(request.getAttributes().get(AttributeKey.stringKey("mcp.method.name")))
        .isEqualTo("tools/call");
    assertThat(request.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name")))
        .isEqualTo("echo");
    assertThat(request.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name")))
        .isEqualTo("execute_tool");
    assertThat(request.getAttributes().get(AttributeKey.stringKey("mcp.protocol.version")))
        .isEqualTo("2026-07-28");
    assertThat(request.getAttributes().get(AttributeKey.stringKey("jsonrpc.request.id")))
        .isEqualTo("7");
    assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(invocation.getName()).isEqualTo("execute_tool echo");
    assertThat(invocation.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(invocation.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(invocation.getParentSpanId()).isEqualTo(request.getSpanId());
    assertThat(request.getAttributes().asMap().toString()).doesNotContain("hi");
  }

  @Test
  void whileAToolRuns_itsInvocationSpanIsCurrent_soWhatItCallsJoinsTheTrace() throws Exception {
    String current =
        result(
                server.handle(
                    withHeader(
                        legacy("tools/call", call("current_span", "{}", false)),
                        "traceparent",
                        TRACEPARENT)))
            .at("/content/0/text")
            .asText();

    SpanData invocation = exporter.getFinishedSpanItems().get(0);
    assertThat(invocation.getName()).isEqualTo("execute_tool current_span");
    assertThat(current).isEqualTo(TRACE_ID + "/" + invocation.getSpanId());
    SpanData request = exporter.getFinishedSpanItems().get(1);
    assertThat(request.getParentSpanId())
        .as("a handshake-era request takes its parent from the W3C header")
        .isEqualTo(CLIENT_SPAN);
    assertThat(Span.current().getSpanContext().isValid())
        .as("no span stays current after the request")
        .isFalse();
  }

  @Test
  void toolErrorsAndFailures_markTheSpansAsErrors_withoutTheFailuresMessage() throws Exception {
    server.handle(modern("tools/call", "refuse", call("refuse", "{}", false)));
    server.handle(modern("tools/call", "crash", call("crash", "{}", false)));
    server.handle(modern("tools/call", "nope", call("nope", "{}", false)));

    List<SpanData> spans = exporter.getFinishedSpanItems();
    SpanData refused = spans.get(1);
    assertThat(refused.getName()).isEqualTo("tools/call refuse");
    assertThat(refused.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(refused.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("tool_error");
    SpanData crashInvocation = spans.get(2);
    assertThat(crashInvocation.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(crashInvocation.getAttributes().get(AttributeKey.stringKey("toolsmith.error.id")))
        .isNotBlank();
    assertThat(spans.toString()).doesNotContain("hunter2");
    SpanData unknown = spans.get(spans.size() - 1);
    assertThat(unknown.getName()).isEqualTo("tools/call nope");
    assertThat(unknown.getAttributes().get(AttributeKey.stringKey("rpc.response.status_code")))
        .isEqualTo("-32602");
    assertThat(unknown.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void requestsWithoutATarget_areNamedByTheirMethod_andStartATraceOfTheirOwn() throws Exception {
    server.handle(legacy("tools/list", ""));

    SpanData list = exporter.getFinishedSpanItems().get(0);
    assertThat(list.getName()).isEqualTo("tools/list");
    assertThat(list.getParentSpanContext().isValid()).isFalse();
    assertThat(list.getAttributes().get(AttributeKey.stringKey("toolsmith.mcp.era")))
        .isEqualTo("handshake");
  }

  @Test
  void tracingIsOnFromTheEnvironment_onlyWhenTheProcessIsSetUpForOpenTelemetry() {
    assertThat(McpTracing.configured(java.util.Map.of())).isFalse();
    assertThat(McpTracing.configured(java.util.Map.of("OTEL_TRACES_EXPORTER", "none"))).isFalse();
    assertThat(McpTracing.configured(java.util.Map.of("OTEL_TRACES_EXPORTER", "otlp"))).isTrue();
    assertThat(McpTracing.configured(java.util.Map.of("OTEL_SERVICE_NAME", "weather"))).isTrue();
    assertThat(
            McpTracing.configured(java.util.Map.of("AWS_LAMBDA_EXEC_WRAPPER", "/opt/otel-handler")))
        .isTrue();
  }
}
