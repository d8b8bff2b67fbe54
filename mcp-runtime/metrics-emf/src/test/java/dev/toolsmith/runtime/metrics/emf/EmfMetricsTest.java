package dev.toolsmith.runtime.metrics.emf;

import static dev.toolsmith.runtime.testing.Mcp.modern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolsmith.runtime.lambda.McpLambdaHandler;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import dev.toolsmith.runtime.testing.LibraryPack;
import dev.toolsmith.test.lambda.HttpEvent;
import dev.toolsmith.test.lambda.LambdaResponse;
import dev.toolsmith.test.lambda.TestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** EMF documents as the AWS embedded-metrics library writes them, read back as CloudWatch would. */
class EmfMetricsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<String> documents = new CopyOnWriteArrayList<>();

  private McpServer server(EmfMetrics metrics) {
    return McpServer.builder()
        .name("metered")
        .tools(new EchoPack(), new LibraryPack())
        .discoverTools(false)
        .interceptor(metrics)
        .build();
  }

  private List<JsonNode> parsed() throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String document : documents) {
      assertThat(document).doesNotContain("\n");
      nodes.add(MAPPER.readTree(document));
    }
    return nodes;
  }

  @Test
  void onLambda_eachToolCallIsOneDocument_andTheFirstInvocationCountsOneColdStart()
      throws Exception {
    McpLambdaHandler handler =
        new McpLambdaHandler(server(EmfMetrics.to("Toolsmith", "weather", documents::add))) {};

    LambdaResponse.invoke(
        handler,
        HttpEvent.apiGatewayV2().toolCall("echo", "{\"text\":\"hi\"}").toJson(),
        TestContext.plain().withRequestId("first"));
    LambdaResponse.invoke(
        handler,
        HttpEvent.apiGatewayV2().toolCall("refuse", "{}").toJson(),
        TestContext.plain().withRequestId("second"));

    List<JsonNode> docs = parsed();
    assertThat(docs).hasSize(3);
    JsonNode cold = docs.get(0);
    JsonNode coldDirective = cold.at("/_aws/CloudWatchMetrics/0");
    assertThat(coldDirective.path("Namespace").asText()).isEqualTo("Toolsmith");
    assertThat(coldDirective.at("/Metrics/0/Name").asText()).isEqualTo("ColdStart");
    assertThat(coldDirective.at("/Dimensions/0").toString())
        .isEqualTo("[\"service\",\"function_name\"]");
    assertThat(cold.path("ColdStart").asDouble()).isEqualTo(1.0);
    assertThat(cold.path("function_name").asText())
        .isEqualTo(TestContext.plain().getFunctionName());

    JsonNode ok = docs.get(1);
    assertThat(ok.at("/_aws/CloudWatchMetrics/0/Dimensions/0").toString())
        .isEqualTo("[\"service\",\"tool\"]");
    assertThat(ok.path("service").asText()).isEqualTo("weather");
    assertThat(ok.path("tool").asText()).isEqualTo("echo");
    assertThat(ok.path("Invocations").asDouble()).isEqualTo(1.0);
    assertThat(ok.path("Errors").asDouble()).isEqualTo(0.0);
    assertThat(ok.path("InputRequired").asDouble()).isEqualTo(0.0);
    assertThat(ok.path("Latency").asDouble()).isPositive();
    assertThat(ok.path("function_request_id").asText()).isEqualTo("first");
    assertThat(ok.path("outcome").asText()).isEqualTo("ok");
    assertThat(ok.path("protocol_version").asText()).isEqualTo("2026-07-28");
    assertThat(ok.at("/_aws/Timestamp").isNumber()).isTrue();
    List<String> units = new ArrayList<>();
    ok.at("/_aws/CloudWatchMetrics/0/Metrics")
        .forEach(
            metric -> units.add(metric.path("Name").asText() + ":" + metric.path("Unit").asText()));
    assertThat(units)
        .containsExactlyInAnyOrder(
            "Invocations:Count", "Latency:Milliseconds", "Errors:Count", "InputRequired:Count");

    JsonNode refused = docs.get(2);
    assertThat(refused.path("tool").asText()).isEqualTo("refuse");
    assertThat(refused.path("Errors").asDouble()).isEqualTo(1.0);
    assertThat(refused.path("outcome").asText()).isEqualTo("tool_error");
    assertThat(refused.has("ColdStart")).as("one cold start per execution environment").isFalse();
  }

  @Test
  void promptsAndResources_andRequestsThatInvokeNothing_writeNoMetrics() throws Exception {
    McpServer server = server(EmfMetrics.to("Toolsmith", "weather", documents::add));

    server.handle(modern("tools/list", null, ""));
    server.handle(modern("prompts/list", null, ""));
    server.handle(modern("tools/call", "nope", "\"name\":\"nope\",\"arguments\":{}"));

    assertThat(documents).isEmpty();
  }

  @Test
  void aToolCallOffLambda_isMeteredWithoutAColdStartOrARequestId() throws Exception {
    McpServer server = server(EmfMetrics.to("Toolsmith", "weather", documents::add));

    server.handle(modern("tools/call", "crash", "\"name\":\"crash\",\"arguments\":{}"));

    JsonNode crashed = parsed().get(0);
    assertThat(crashed.path("tool").asText()).isEqualTo("crash");
    assertThat(crashed.path("Errors").asDouble()).isEqualTo(1.0);
    assertThat(crashed.path("error_id").asText()).isNotBlank();
    assertThat(crashed.has("function_request_id")).isFalse();
    assertThat(crashed.toString()).doesNotContain("hunter2");
  }

  @Test
  void inALambdaEnvironment_toolCallsOutsideAnInvocation_areSnapStartPriming_andNotMetered()
      throws Exception {
    EmfMetrics metrics =
        EmfMetrics.fromEnvironment(
                Map.of(
                    EmfMetrics.NAMESPACE_VARIABLE,
                    "Toolsmith",
                    EmfMetrics.LAMBDA_FUNCTION_VARIABLE,
                    "weather"),
                documents::add)
            .orElseThrow();
    McpLambdaHandler handler = new McpLambdaHandler(server(metrics)) {};

    server(metrics).handle(modern("tools/call", "echo", echoCall()));
    assertThat(documents).as("a priming call, with no Lambda context").isEmpty();

    LambdaResponse.invoke(
        handler,
        HttpEvent.apiGatewayV2().toolCall("echo", "{\"text\":\"hi\"}").toJson(),
        TestContext.plain().withRequestId("client"));
    assertThat(parsed())
        .filteredOn(document -> document.has("Invocations"))
        .singleElement()
        .satisfies(
            document ->
                assertThat(document.path("function_request_id").asText()).isEqualTo("client"));
  }

  private static String echoCall() {
    return "\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}";
  }

  @Test
  void theNamespaceVariable_turnsMetricsOn_andNamesTheService() {
    assertThat(EmfMetrics.fromEnvironment(Map.of(), documents::add)).isEmpty();
    assertThat(
            EmfMetrics.fromEnvironment(Map.of(EmfMetrics.NAMESPACE_VARIABLE, " "), documents::add))
        .isEmpty();
    assertThat(
            EmfMetrics.fromEnvironment(
                Map.of(
                    EmfMetrics.NAMESPACE_VARIABLE,
                    "Toolsmith",
                    EmfMetrics.SERVICE_VARIABLE,
                    "board"),
                documents::add))
        .get()
        .hasToString("EmfMetrics[namespace Toolsmith, service board]");
    assertThat(
            EmfMetrics.fromEnvironment(
                Map.of(EmfMetrics.NAMESPACE_VARIABLE, "Toolsmith"), documents::add))
        .get()
        .hasToString("EmfMetrics[namespace Toolsmith, service service_undefined]");
    assertThatThrownBy(() -> EmfMetrics.of("", "weather"))
        .hasMessage("The CloudWatch namespace is blank; name one, such as 'Toolsmith'");
  }
}
