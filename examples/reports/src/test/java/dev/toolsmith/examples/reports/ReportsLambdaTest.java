package dev.toolsmith.examples.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.testing.DynamoDbLocal;
import dev.toolsmith.runtime.testing.FakeLambdaService;
import dev.toolsmith.test.lambda.HttpEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A task that outlives API Gateway's 29 seconds, on the real AWS Lambda runtime interface client:
 * four runtime clients (four execution environments of one function) against a loopback Lambda
 * service, tasks in DynamoDB Local. The creating request answers with the task's handle at once;
 * the function invokes itself asynchronously through the AWS SDK to run the task; polls from other
 * environments read it from the table until it completes, and a cancel made in one environment
 * stops the tool running in another.
 */
class ReportsLambdaTest {
  private static final String TOKEN = "reports-test-token-0123456789abcdef";
  private static final String TASKS =
      "\"io.modelcontextprotocol/clientCapabilities\":{\"extensions\":"
          + "{\"io.modelcontextprotocol/tasks\":{}}}";

  @Test
  void aReportTakingLongerThanApiGatewayAllows_completesAsATask_andIsReadByPolling()
      throws Exception {
    try (DynamoDbLocal dynamo = DynamoDbLocal.start();
        FakeLambdaService lambda = new FakeLambdaService()) {
      dynamo.createTaskTable("reports_tasks");
      Map<String, String> environment =
          Map.of(
              "AWS_LAMBDA_FUNCTION_NAME", "reports",
              "AWS_REGION", "us-east-1",
              // DynamoDB Local keeps a database per access key and region: the test client's.
              "AWS_ACCESS_KEY_ID", "local",
              "AWS_SECRET_ACCESS_KEY", "local",
              "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString(),
              "AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString(),
              "MCP_TASK_TABLE", "reports_tasks",
              "MCP_AUTH_TOKEN", TOKEN);
      List<Process> environments = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          environments.add(
              lambda.startRuntimeClient(
                  "dev.toolsmith.examples.reports.ReportsHandler::handleRequest", environment));
        }

        long started = System.nanoTime();
        JsonNode created = call(lambda, "2026-11", 31);
        long answeredIn = System.nanoTime() - started;
        assertThat(created.path("resultType").asText())
            .as(Json.toString(created))
            .isEqualTo("task");
        assertThat(Duration.ofNanos(answeredIn)).isLessThan(Duration.ofSeconds(15));
        String report = created.path("taskId").asText();

        JsonNode doomed = call(lambda, "2026-10", 60);
        String cancelled = doomed.path("taskId").asText();
        Thread.sleep(3000);
        JsonNode ack = rpc(lambda, "tasks/cancel", cancelled, "\"taskId\":\"" + cancelled + "\"");
        assertThat(ack.path("resultType").asText()).isEqualTo("complete");

        JsonNode done = pollUntilEnded(lambda, report, Duration.ofSeconds(120));
        long tookSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(done.path("status").asText()).as(Json.toString(done)).isEqualTo("completed");
        assertThat(done.at("/result/content/0/text").asText())
            .isEqualTo("Sales report for 2026-11: 1,204 orders, 98,310.50 EUR, built in 31 s.");
        assertThat(tookSeconds).isGreaterThanOrEqualTo(31);

        assertThat(
                pollUntilEnded(lambda, cancelled, Duration.ofSeconds(10)).path("status").asText())
            .isEqualTo("cancelled");
        // Each task ran in one asynchronous invocation of the function, named by its id.
        assertThat(lambda.asyncInvocations())
            .containsExactlyInAnyOrder(
                "{\"toolsmithRunTask\":\"" + report + "\"}",
                "{\"toolsmithRunTask\":\"" + cancelled + "\"}");
        assertThat(lambda.errors()).isEmpty();
      } finally {
        for (Process process : environments) {
          process.destroy();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static JsonNode call(FakeLambdaService lambda, String month, int seconds)
      throws Exception {
    return rpc(
        lambda,
        "tools/call",
        "build_report",
        "\"name\":\"build_report\",\"arguments\":{\"month\":\""
            + month
            + "\",\"workSeconds\":"
            + seconds
            + "}");
  }

  private static JsonNode pollUntilEnded(FakeLambdaService lambda, String taskId, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    JsonNode task = rpc(lambda, "tasks/get", taskId, "\"taskId\":\"" + taskId + "\"");
    while (List.of("working", "input_required").contains(task.path("status").asText())
        && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      task = rpc(lambda, "tasks/get", taskId, "\"taskId\":\"" + taskId + "\"");
    }
    return task;
  }

  /** Sends a 2026-07-28 request through API Gateway (an HTTP API event) and returns its result. */
  private static JsonNode rpc(FakeLambdaService lambda, String method, String name, String params)
      throws Exception {
    String message =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":{"
            + params
            + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + TASKS
            + "}}}";
    String event =
        HttpEvent.apiGatewayV2()
            .jsonRpc(message)
            .header("MCP-Protocol-Version", "2026-07-28")
            .header("Mcp-Method", method)
            .header("Mcp-Name", name)
            .bearer(TOKEN)
            .toJson();
    String response = lambda.invoke(event).get(60, TimeUnit.SECONDS);
    JsonNode http = Json.parse(response);
    assertThat(http.path("statusCode").asInt()).as(response).isEqualTo(200);
    JsonNode body = Json.parse(http.path("body").asText());
    assertThat(body.has("result")).as(response).isTrue();
    return body.path("result");
  }
}
