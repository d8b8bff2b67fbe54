package dev.toolsmith.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.InputRequest;
import dev.toolsmith.runtime.LogLevel;
import dev.toolsmith.runtime.PromptResult;
import dev.toolsmith.runtime.ResourceContents;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.spi.Dispatch;
import dev.toolsmith.runtime.spi.PromptCall;
import dev.toolsmith.runtime.spi.PromptDescriptor;
import dev.toolsmith.runtime.spi.ResourceCall;
import dev.toolsmith.runtime.spi.ResourceDescriptor;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.List;
import java.util.Map;

/** A hand-written pack whose tools and prompt ask the client for input, and log. */
public final class AskingPack implements ToolPack {
  private static final String NO_ARGS = "{\"type\":\"object\",\"additionalProperties\":false}";
  private static final ObjectNode NAME_SCHEMA = schema("name");
  private static final List<ToolDescriptor> TOOLS =
      List.of(
          ToolDescriptor.of("greet", "{\"name\":\"greet\",\"inputSchema\":" + NO_ARGS + "}"),
          ToolDescriptor.of(
              "two_steps", "{\"name\":\"two_steps\",\"inputSchema\":" + NO_ARGS + "}"),
          ToolDescriptor.of(
              "everything", "{\"name\":\"everything\",\"inputSchema\":" + NO_ARGS + "}"),
          ToolDescriptor.of("chatty", "{\"name\":\"chatty\",\"inputSchema\":" + NO_ARGS + "}"),
          ToolDescriptor.of(
              "until_cancelled", "{\"name\":\"until_cancelled\",\"inputSchema\":" + NO_ARGS + "}"),
          ToolDescriptor.of("nap", "{\"name\":\"nap\",\"inputSchema\":" + NO_ARGS + "}"));

  /** Counts the runs of {@code until_cancelled} that saw their request cancelled. */
  public static final java.util.concurrent.atomic.AtomicInteger CANCELLED_RUNS =
      new java.util.concurrent.atomic.AtomicInteger();

  private static ObjectNode schema(String field) {
    ObjectNode schema = Json.object().put("type", "object");
    schema.putObject("properties").putObject(field).put("type", "string");
    schema.putArray("required").add(field);
    return schema;
  }

  @Override
  public List<ToolDescriptor> tools() {
    return TOOLS;
  }

  @Override
  public ToolResult call(String tool, ToolCall call) {
    var inputs = call.context().inputs();
    switch (tool) {
      case "greet":
        JsonNode answer =
            inputs.get(InputRequest.elicitation("user_name", "What is your name?", NAME_SCHEMA));
        return ToolResult.text("Hello, " + answer.path("content").path("name").asText() + "!");
      case "two_steps":
        inputs.putState("started", Json.nodes().textNode("yes"));
        String name =
            inputs
                .get(InputRequest.elicitation("step1", "Name?", NAME_SCHEMA))
                .path("content")
                .path("name")
                .asText();
        String color =
            inputs
                .get(InputRequest.elicitation("step2", "Color?", schema("color")))
                .path("content")
                .path("color")
                .asText();
        return ToolResult.text(
            name
                + " likes "
                + color
                + " (state "
                + inputs.state("started").map(JsonNode::asText).orElse("lost")
                + ")");
      case "everything":
        Map<String, JsonNode> all =
            inputs.getAll(
                InputRequest.elicitation("user_name", "Name?", NAME_SCHEMA),
                InputRequest.sampling("greeting", "Generate a greeting", 50),
                InputRequest.roots("client_roots"));
        return ToolResult.text("got " + all.keySet());
      case "chatty":
        call.context().log(LogLevel.DEBUG, "debugging");
        call.context().log(LogLevel.INFO, "working");
        call.context().log(LogLevel.ERROR, "oops");
        return ToolResult.text("done");
      case "until_cancelled":
        // Reports progress every 50 ms until the client cancels or leaves, for at most 20 s.
        for (int step = 0; step < 400; step++) {
          if (call.context().isCancelled()) {
            CANCELLED_RUNS.incrementAndGet();
            return ToolResult.text("cancelled after " + step + " steps");
          }
          call.context().progress(step, -1, "step " + step);
          sleep(50);
        }
        return ToolResult.text("never cancelled");
      case "nap":
        sleep(600);
        return ToolResult.text("rested");
      default:
        throw Dispatch.unknownTool(tool, TOOLS);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public List<ResourceDescriptor> resources() {
    return List.of(
        ResourceDescriptor.of("slow://report", "{\"uri\":\"slow://report\",\"name\":\"report\"}"));
  }

  @Override
  public List<ResourceContents> read(String resource, ResourceCall call) {
    call.context().progress(1, 2, "halfway");
    call.context().progress(2, 2, "done");
    return List.of(ResourceContents.text(call.uri(), "text/plain", "the report"));
  }

  @Override
  public List<PromptDescriptor> prompts() {
    return List.of(PromptDescriptor.of("contextual", List.of(), "{\"name\":\"contextual\"}"));
  }

  @Override
  public PromptResult prompt(String prompt, PromptCall call) {
    JsonNode answer =
        call.context()
            .inputs()
            .get(InputRequest.elicitation("user_context", "Context?", schema("context")));
    return PromptResult.text("Using " + answer.path("content").path("context").asText());
  }
}
