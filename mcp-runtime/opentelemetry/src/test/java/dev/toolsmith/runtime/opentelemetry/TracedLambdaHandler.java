package dev.toolsmith.runtime.opentelemetry;

import dev.toolsmith.runtime.lambda.McpLambdaHandler;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * A Lambda handler with tracing on, run by the real Lambda runtime client in its own JVM: its spans
 * go to an in-memory exporter that its {@code finished_spans} tool reads back to the test.
 */
public final class TracedLambdaHandler extends McpLambdaHandler {
  private static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

  public TracedLambdaHandler() {
    super(
        McpServer.builder()
            .name("traced-lambda")
            .tools(new EchoPack(), new SpanPack(EXPORTER))
            .discoverTools(false)
            .interceptor(
                McpTracing.create(
                    OpenTelemetrySdk.builder()
                        .setTracerProvider(
                            SdkTracerProvider.builder()
                                .addSpanProcessor(SimpleSpanProcessor.create(EXPORTER))
                                .build())
                        .build()))
            .build());
  }
}
