package dev.toolsmith.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.InputRequest;
import dev.toolsmith.runtime.ToolException;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.spi.Dispatch;
import dev.toolsmith.runtime.spi.ToolCall;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolDescriptor.TaskSupport;
import dev.toolsmith.runtime.spi.ToolPack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written pack of task tools, as {@code @McpTask} generates them: tools that wait for the
 * test, ask for input, fail, crash, and one that becomes a task only when it asks.
 */
public final class TaskPack implements ToolPack {
  private static final String NO_ARGS = "{\"type\":\"object\",\"additionalProperties\":false}";
  private static final List<ToolDescriptor> TOOLS =
      List.of(
          tool("echo_now", TaskSupport.FORBIDDEN, false),
          tool("wait", TaskSupport.OPTIONAL, false),
          tool("only_task", TaskSupport.REQUIRED, false),
          tool("ask_two", TaskSupport.OPTIONAL, false),
          tool("tool_error", TaskSupport.OPTIONAL, false),
          tool("crash", TaskSupport.OPTIONAL, false),
          tool("ask_then_task", TaskSupport.REQUIRED, true),
          tool("maybe_task", TaskSupport.OPTIONAL, true),
          tool("scoped_task", TaskSupport.OPTIONAL, false).requiringScopes("reports:write"));

  /** Counted down when {@code wait} has started, so a test can act on a running tool. */
  public final CountDownLatch waiting = new CountDownLatch(1);

  /** Released by a test to let {@code wait} finish. */
  public volatile CountDownLatch release = new CountDownLatch(1);

  /** Counts the runs of {@code wait} that ended because their task was cancelled. */
  public final AtomicInteger interrupted = new AtomicInteger();

  /** Counts every run of {@code ask_two}: once per round of answers. */
  public final AtomicInteger askRuns = new AtomicInteger();

  private static ToolDescriptor tool(String name, TaskSupport support, boolean inline) {
    ToolDescriptor descriptor =
        ToolDescriptor.of(name, "{\"name\":\"" + name + "\",\"inputSchema\":" + NO_ARGS + "}");
    return support == TaskSupport.FORBIDDEN
        ? descriptor
        : descriptor.runningAsTask(support, inline);
  }

  @Override
  public List<ToolDescriptor> tools() {
    return TOOLS;
  }

  @Override
  public ToolResult call(String tool, ToolCall call) {
    var context = call.context();
    switch (tool) {
      case "echo_now":
      case "scoped_task":
        return ToolResult.text("now");
      case "wait":
      case "only_task":
        waiting.countDown();
        try {
          if (!release.await(20, TimeUnit.SECONDS)) {
            return ToolResult.text("never released");
          }
        } catch (InterruptedException e) {
          interrupted.incrementAndGet();
          Thread.currentThread().interrupt();
          return ToolResult.text("interrupted, cancelled=" + context.isCancelled());
        }
        return ToolResult.text("released, in task=" + context.inTask());
      case "ask_two":
        askRuns.incrementAndGet();
        context.inputs().putState("round", Json.nodes().numberNode(askRuns.get()));
        Map<String, JsonNode> answers =
            context
                .inputs()
                .getAll(
                    InputRequest.elicitation("first", "First?", schema("name")),
                    InputRequest.elicitation("second", "Second?", schema("name")));
        return ToolResult.text(
            answers.get("first").at("/content/name").asText()
                + "+"
                + answers.get("second").at("/content/name").asText()
                + " stored="
                + context.inputs().state("round").map(JsonNode::asText).orElse("none"));
      case "tool_error":
        throw new ToolException("the input set is empty");
      case "crash":
        throw new IllegalStateException("boom at line 7");
      case "ask_then_task":
        JsonNode name =
            context.inputs().get(InputRequest.elicitation("who", "Who?", schema("name")));
        context.continueAsTask();
        return ToolResult.text(
            "hello " + name.at("/content/name").asText() + ", in task=" + context.inTask());
      case "maybe_task":
        context.continueAsTask();
        return ToolResult.text("in task=" + context.inTask());
      default:
        throw Dispatch.unknownTool(tool, TOOLS);
    }
  }

  private static ObjectNode schema(String field) {
    ObjectNode schema = Json.object().put("type", "object");
    schema.putObject("properties").putObject(field).put("type", "string");
    schema.putArray("required").add(field);
    return schema;
  }
}
