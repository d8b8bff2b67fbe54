package dev.toolsmith.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.annotations.McpTask;
import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.InputRequest;
import dev.toolsmith.runtime.RequestContext;
import dev.toolsmith.runtime.ToolException;
import java.util.Map;
import java.util.Optional;

/**
 * The conformance suite's fixtures for the tasks extension ({@code io.modelcontextprotocol/tasks}).
 */
public class TaskTools {
  private static final InputRequest CONFIRM =
      InputRequest.elicitation(
          "confirm", "Delete the file for good?", Forms.oneField("confirm", "boolean"));
  private static final InputRequest NAME =
      InputRequest.elicitation("name", "What is your name?", Forms.oneField("name", "string"));
  private static final InputRequest USER_NAME =
      InputRequest.elicitation("user_name", "What is your name?", Forms.oneField("name", "string"));

  /**
   * Greets someone at once: a tool that never runs as a task.
   *
   * @param name who to greet
   */
  @McpTool
  public String greet(String name) {
    return "Hello, " + name + "!";
  }

  /**
   * Works for a number of seconds, then reports what it computed; cancelling the task stops it.
   *
   * @param seconds how long to work; 0 answers at once
   * @param label what the result is called
   */
  @McpTool(name = "slow_compute")
  @McpTask
  public String slowCompute(int seconds, Optional<String> label) throws InterruptedException {
    Thread.sleep(seconds * 1000L);
    return "Computed " + label.orElse("a result") + " in " + seconds + " s";
  }

  /** Works for a second, then fails the way a tool does: a tool error the model can read. */
  @McpTool(name = "failing_job")
  @McpTask(required = true)
  public String failingJob() throws InterruptedException {
    Thread.sleep(1000);
    throw new ToolException("The job failed: its input data set is empty.");
  }

  /** Crashes with an unexpected exception, which fails its task with a JSON-RPC error. */
  @McpTool(name = "protocol_error_job")
  @McpTask
  public String protocolErrorJob() {
    throw new IllegalStateException("simulated crash inside the job");
  }

  /**
   * Asks the user to confirm, then deletes (pretends to delete) a file.
   *
   * @param filename the file to delete
   */
  @McpTool(name = "confirm_delete")
  @McpTask
  public String confirmDelete(String filename, RequestContext context) {
    JsonNode answer = context.inputs().get(CONFIRM);
    boolean confirmed =
        "accept".equals(answer.path("action").asText())
            && answer.path("content").path("confirm").asBoolean(false);
    return confirmed ? "Deleted " + filename : "Kept " + filename + ": not confirmed";
  }

  /** Asks for a name and a confirmation at once, then reports both. */
  @McpTool(name = "multi_input")
  @McpTask
  public String multiInput(RequestContext context) {
    Map<String, JsonNode> answers = context.inputs().getAll(NAME, CONFIRM);
    return "Name: "
        + answers.get("name").path("content").path("name").asText()
        + ", confirmed: "
        + answers.get("confirm").path("content").path("confirm").asBoolean(false);
  }

  /** Asks for the user's name in an ordinary round trip, then greets them from inside a task. */
  @McpTool(name = "test_tool_with_task")
  @McpTask(required = true, startInline = true)
  public String toolWithTask(RequestContext context) {
    JsonNode answer = context.inputs().get(USER_NAME);
    context.continueAsTask();
    return "Hello, " + answer.path("content").path("name").asText() + "!";
  }
}
