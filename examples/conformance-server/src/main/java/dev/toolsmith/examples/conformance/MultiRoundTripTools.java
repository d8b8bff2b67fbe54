package dev.toolsmith.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.annotations.McpPrompt;
import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.InputRequest;
import dev.toolsmith.runtime.Inputs;
import dev.toolsmith.runtime.LogLevel;
import dev.toolsmith.runtime.RequestContext;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The conformance suite's multi-round-trip (2026-07-28) and logging fixtures. */
public class MultiRoundTripTools {
  private static final InputRequest USER_NAME =
      InputRequest.elicitation("user_name", "What is your name?", Forms.oneField("name", "string"));

  /** Asks the user for their name, then greets them. */
  @McpTool(name = "test_input_required_result_elicitation")
  public String elicitation(RequestContext context) {
    JsonNode answer = context.inputs().get(USER_NAME);
    return "Hello, " + answer.path("content").path("name").asText() + "!";
  }

  /** Asks the client's model a question, then repeats its answer. */
  @McpTool(name = "test_input_required_result_sampling")
  public String sampling(RequestContext context) {
    JsonNode answer =
        context
            .inputs()
            .get(InputRequest.sampling("capital_question", "What is the capital of France?", 100));
    return "The model said: " + answer.path("content").path("text").asText();
  }

  /** Asks for the client's roots, then lists them. */
  @McpTool(name = "test_input_required_result_list_roots")
  public String listRoots(RequestContext context) {
    JsonNode answer = context.inputs().get(InputRequest.roots("client_roots"));
    List<String> uris = new ArrayList<>();
    answer.path("roots").forEach(root -> uris.add(root.path("uri").asText()));
    return "Roots: " + String.join(", ", uris);
  }

  /** Asks for a confirmation, and proves on the retry that its own state came back intact. */
  @McpTool(name = "test_input_required_result_request_state")
  public String requestState(RequestContext context) {
    Inputs inputs = context.inputs();
    inputs.putState("asked", Json.nodes().textNode("confirm"));
    inputs.get(
        InputRequest.elicitation("confirm", "Please confirm", Forms.oneField("ok", "boolean")));
    String asked = inputs.state("asked").map(JsonNode::asText).orElse("");
    return asked.equals("confirm")
        ? "state-ok: the confirmation arrived with the state this tool stored"
        : "state lost";
  }

  /** Asks for a name, a model greeting and the roots, all in one round. */
  @McpTool(name = "test_input_required_result_multiple_inputs")
  public String multipleInputs(RequestContext context) {
    Map<String, JsonNode> answers =
        context
            .inputs()
            .getAll(
                USER_NAME,
                InputRequest.sampling("greeting", "Generate a greeting", 50),
                InputRequest.roots("client_roots"));
    return "Received " + String.join(", ", answers.keySet());
  }

  /** Asks in two rounds: a name, then a favourite colour. */
  @McpTool(name = "test_input_required_result_multi_round")
  public String multiRound(RequestContext context) {
    Inputs inputs = context.inputs();
    String name =
        inputs
            .get(
                InputRequest.elicitation(
                    "step1", "Step 1: What is your name?", Forms.oneField("name", "string")))
            .path("content")
            .path("name")
            .asText();
    String color =
        inputs
            .get(
                InputRequest.elicitation(
                    "step2",
                    "Step 2: What is your favorite color?",
                    Forms.oneField("color", "string")))
            .path("content")
            .path("color")
            .asText();
    return name + "'s favorite color is " + color + ".";
  }

  /** Asks for a confirmation with signed state; a tampered state is refused by the runtime. */
  @McpTool(name = "test_input_required_result_tampered_state")
  public String tamperedState(RequestContext context) {
    context
        .inputs()
        .get(
            InputRequest.elicitation("confirm", "Please confirm", Forms.oneField("ok", "boolean")));
    return "Confirmed with an intact state.";
  }

  /** Asks only for what the client declared it can answer. */
  @McpTool(name = "test_input_required_result_capabilities")
  public String capabilities(RequestContext context) {
    List<InputRequest> requests = new ArrayList<>();
    if (context.hasClientCapability("elicitation")) {
      requests.add(USER_NAME);
    }
    if (context.hasClientCapability("sampling")) {
      requests.add(InputRequest.sampling("greeting", "Generate a greeting", 50));
    }
    if (context.hasClientCapability("roots")) {
      requests.add(InputRequest.roots("client_roots"));
    }
    if (requests.isEmpty()) {
      return "The client declared nothing to ask for.";
    }
    return "Received "
        + String.join(
            ", ", context.inputs().getAll(requests.toArray(new InputRequest[0])).keySet());
  }

  /** A prompt that first asks the user what context to use. */
  @McpPrompt(name = "test_input_required_result_prompt")
  public String prompt(RequestContext context) {
    JsonNode answer =
        context
            .inputs()
            .get(
                InputRequest.elicitation(
                    "user_context",
                    "What context should the prompt use?",
                    Forms.oneField("context", "string")));
    return "Use this context: " + answer.path("content").path("context").asText();
  }

  /** Sends three log messages while it works. */
  @McpTool(name = "test_tool_with_logging")
  public String toolWithLogging(RequestContext context) throws InterruptedException {
    context.log(LogLevel.INFO, "Tool execution started");
    Thread.sleep(50);
    context.log(LogLevel.INFO, "Tool processing data");
    Thread.sleep(50);
    context.log(LogLevel.INFO, "Tool execution completed");
    return "Logging test completed";
  }

  /** Logs, which reaches the client only if it asked for a log level. */
  @McpTool(name = "test_logging_tool")
  public String loggingTool(RequestContext context) {
    context.log(LogLevel.INFO, "A message the client only sees when it asked for a log level");
    return "Logged.";
  }
}
