package dev.toolsmith.runtime.micrometer;

import static dev.toolsmith.runtime.testing.Mcp.MODERN_META;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.jetty.McpHttpServer;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The meters of tool calls served by the real container server, read from real registries. */
class MicrometerMetricsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static McpHttpServer start(MicrometerMetrics metrics) throws Exception {
    McpServer server =
        McpServer.builder()
            .name("metered")
            .tools(new EchoPack())
            .discoverTools(false)
            .interceptor(metrics)
            .build();
    return McpHttpServer.builder(server).port(0).stopOnSignal(false).start();
  }

  private static int call(URI url, String tool, String arguments) throws Exception {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
            + tool
            + "\",\"arguments\":"
            + arguments
            + ","
            + MODERN_META
            + "}}";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  @Test
  void toolCallsOverHttp_areCountedTimedAndTaggedByServiceAndTool() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (McpHttpServer http = start(MicrometerMetrics.of(registry, "weather"))) {
      assertThat(call(http.url(), "echo", "{\"text\":\"a\"}")).isEqualTo(200);
      call(http.url(), "echo", "{\"text\":\"b\"}");
      call(http.url(), "refuse", "{}");
      call(http.url(), "nope", "{}");
    }

    assertThat(
            registry
                .get(MicrometerMetrics.INVOCATIONS)
                .tags("tool", "echo", "outcome", "ok")
                .counter()
                .count())
        .isEqualTo(2.0);
    assertThat(
            registry
                .get(MicrometerMetrics.LATENCY)
                .tags("service", "weather", "tool", "echo")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(registry.get(MicrometerMetrics.ERRORS).tags("tool", "refuse").counter().count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get(MicrometerMetrics.INVOCATIONS)
                .tags("tool", "refuse", "outcome", "tool_error")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(registry.find(MicrometerMetrics.INVOCATIONS).tags("tool", "nope").counters())
        .as("an unknown tool is never a tag value")
        .isEmpty();
    assertThat(
            registry
                .get(MicrometerMetrics.COLD_STARTS)
                .tags("service", "weather")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void aPrometheusScrape_readsTheSameMeters() throws Exception {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (McpHttpServer http = start(MicrometerMetrics.of(prometheus, "board"))) {
      call(http.url(), "echo", "{\"text\":\"a\"}");
      call(http.url(), "crash", "{}");
    }

    String scrape = prometheus.scrape();
    assertThat(scrape)
        .contains("mcp_tool_invocations_total{outcome=\"ok\",service=\"board\",tool=\"echo\"} 1.0")
        .contains("mcp_tool_errors_total{service=\"board\",tool=\"crash\"} 1.0")
        .contains("mcp_tool_latency_seconds_count{service=\"board\",tool=\"echo\"} 1")
        .contains("mcp_cold_starts_total{service=\"board\"} 1.0")
        .doesNotContain("hunter2");
  }

  @Test
  void aBlankService_isRefusedWithWhatToDo() {
    assertThatThrownBy(() -> MicrometerMetrics.of(new SimpleMeterRegistry(), " "))
        .hasMessage("The service is blank; name one, such as 'weather'");
  }
}
