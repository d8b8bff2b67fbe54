package dev.toolsmith.runtime.opentelemetry;

import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.spi.Dispatch;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * Tools that look at tracing from inside: {@code current_span} names the span current while a tool
 * runs (what an instrumented AWS SDK call would be a child of), {@code finished_spans} lists what
 * an exporter received (so a test in another JVM can read them).
 */
final class SpanPack implements ToolPack {
  private static final String NO_ARGS = "{\"type\":\"object\",\"additionalProperties\":false}";
  private static final List<ToolDescriptor> TOOLS =
      List.of(
          ToolDescriptor.of(
              "current_span",
              "{\"name\":\"current_span\",\"description\":\"Names the current span.\",\"inputSchema\":"
                  + NO_ARGS
                  + "}"),
          ToolDescriptor.of(
              "finished_spans",
              "{\"name\":\"finished_spans\",\"description\":\"Lists finished spans.\",\"inputSchema\":"
                  + NO_ARGS
                  + "}"));

  private final InMemorySpanExporter exporter;

  SpanPack(InMemorySpanExporter exporter) {
    this.exporter = exporter;
  }

  @Override
  public List<ToolDescriptor> tools() {
    return TOOLS;
  }

  @Override
  public ToolResult call(String tool, ToolCall call) {
    switch (tool) {
      case "current_span":
        SpanContext current = Span.current().getSpanContext();
        return ToolResult.text(current.getTraceId() + "/" + current.getSpanId());
      case "finished_spans":
        StringBuilder lines = new StringBuilder();
        for (SpanData span : exporter.getFinishedSpanItems()) {
          lines
              .append(span.getName())
              .append('|')
              .append(span.getKind())
              .append('|')
              .append(span.getTraceId())
              .append('|')
              .append(span.getSpanId())
              .append('|')
              .append(span.getParentSpanId())
              .append('|')
              .append(span.getAttributes().get(McpAttributes.METHOD))
              .append('\n');
        }
        return ToolResult.text(lines.toString());
      default:
        throw Dispatch.unknownTool(tool, TOOLS);
    }
  }
}
