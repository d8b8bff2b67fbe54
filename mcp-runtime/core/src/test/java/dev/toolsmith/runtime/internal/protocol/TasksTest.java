package dev.toolsmith.runtime.internal.protocol;

import static dev.toolsmith.runtime.testing.Mcp.error;
import static dev.toolsmith.runtime.testing.Mcp.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.Mcp;
import dev.toolsmith.runtime.testing.TaskPack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tasks extension through the whole engine: creation, polling, input inside a task, errors,
 * cancellation, the capability gate, identity binding and expiry.
 */
class TasksTest {
  private static final String TASKS =
      "{\"elicitation\":{},\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}";
  private static final String NO_TASKS = "{\"elicitation\":{}}";

  /** Each caller is who its bearer token names, so tests can be two users. */
  private static final Authenticator BY_TOKEN =
      headers -> {
        String token = headers.first("Authorization");
        return token == null
            ? AuthDecision.refuse(401, "Bearer", "no token")
            : AuthDecision.allow(Identity.of(token.substring(7), Set.of(), null));
      };

  private final TaskPack pack = new TaskPack();
  private McpServer server = server(Duration.ofHours(1));

  private McpServer server(Duration ttl) {
    return McpServer.builder()
        .name("tasks")
        .tools(pack)
        .discoverTools(false)
        .auth(BY_TOKEN)
        .taskTtl(ttl)
        .requestStateKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  @AfterEach
  void release() {
    pack.release.countDown();
  }

  // --- advertising ---

  @Test
  void discover_advertisesTheExtension_andModernListsSayWhichToolsRunAsTasks() throws Exception {
    JsonNode discover = result(send("server/discover", null, "", TASKS, "alice"));
    assertThat(discover.at("/capabilities/extensions").has(TaskEngine.EXTENSION)).isTrue();
    assertThat(discover.at("/capabilities").has("tasks")).isFalse();

    JsonNode tools = result(send("tools/list", null, "", TASKS, "alice")).path("tools");
    assertThat(tools.get(0).has("execution")).isFalse();
    assertThat(tools.get(1).at("/execution/taskSupport").asText()).isEqualTo("optional");
    assertThat(tools.get(2).at("/execution/taskSupport").asText()).isEqualTo("required");
  }

  @Test
  void handshakeEraLists_showNoExecution_andItsInitializeNoExtension() throws Exception {
    HttpRequest list = Mcp.withHeader(Mcp.legacy("tools/list", ""), "Authorization", "Bearer al");
    assertThat(Json.toString(result(server.handle(list)))).doesNotContain("execution");
    HttpRequest initialize =
        Mcp.withHeader(Mcp.initialize("2025-11-25"), "Authorization", "Bearer al");
    assertThat(Json.toString(result(server.handle(initialize)))).doesNotContain("extensions");
  }

  // --- creation and polling ---

  @Test
  void aTaskToolCall_answersWithAFlatHandle_thatTasksGetResolvesAtOnce() throws Exception {
    JsonNode created = call("wait", TASKS, "alice");
    assertThat(created.path("resultType").asText()).isEqualTo("task");
    assertThat(created.path("status").asText()).isEqualTo("working");
    assertThat(created.path("ttlMs").asLong()).isEqualTo(3_600_000);
    assertThat(created.path("pollIntervalMs").asLong()).isPositive();
    assertThat(Instant.parse(created.path("createdAt").asText())).isBeforeOrEqualTo(Instant.now());
    for (String absent : new String[] {"task", "result", "error", "inputRequests", "content"}) {
      assertThat(created.has(absent)).as(absent).isFalse();
    }
    assertThat(created.has("requestState")).isFalse();

    JsonNode working = get(created, "alice");
    assertThat(working.path("resultType").asText()).isEqualTo("complete");
    assertThat(working.path("status").asText()).isEqualTo("working");
    assertThat(working.has("result")).isFalse();

    pack.release.countDown();
    JsonNode done = poll(created, "alice", "completed");
    assertThat(done.at("/result/content/0/text").asText()).isEqualTo("released, in task=true");
    assertThat(done.has("error")).isFalse();
    assertThat(done.has("requestState")).isFalse();
  }

  @Test
  void withoutTheExtension_anOptionalToolRunsAsAnOrdinaryCall() throws Exception {
    pack.release.countDown();
    JsonNode result = call("wait", NO_TASKS, "alice");
    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.has("taskId")).isFalse();
    assertThat(result.at("/content/0/text").asText()).isEqualTo("released, in task=false");
  }

  @Test
  void withoutTheExtension_aRequiredTaskTool_isRefusedNamingTheExtension() throws Exception {
    JsonNode error = error(callResponse("only_task", NO_TASKS, "alice"));
    assertThat(error.path("code").asInt()).isEqualTo(-32021);
    assertThat(error.path("message").asText())
        .contains("only_task")
        .contains("io.modelcontextprotocol/tasks");
    assertThat(error.at("/data/requiredCapabilities/extensions").has(TaskEngine.EXTENSION))
        .isTrue();
  }

  @Test
  void aTaskToolThatNeedsAScopeTheCallerLacks_isRefusedBeforeATaskIsMade() throws Exception {
    HttpResponse response = callResponse("scoped_task", TASKS, "alice");
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.headers().get("WWW-Authenticate")).contains("reports:write");
    assertThat(Json.toString(error(response))).doesNotContain("taskId");
  }

  @Test
  void taskMethods_withoutTheExtension_areRefusedWith32021() throws Exception {
    String id = call("wait", TASKS, "alice").path("taskId").asText();
    for (String method : new String[] {"tasks/get", "tasks/update", "tasks/cancel"}) {
      String params = "\"taskId\":\"" + id + "\",\"inputResponses\":{}";
      JsonNode error = error(send(method, id, params, NO_TASKS, "alice"));
      assertThat(error.path("code").asInt()).as(method).isEqualTo(-32021);
    }
  }

  @Test
  void removedMethods_areUnknown() throws Exception {
    for (String method : new String[] {"tasks/result", "tasks/list"}) {
      JsonNode error = error(send(method, null, "\"taskId\":\"x\"", TASKS, "alice"));
      assertThat(error.path("code").asInt()).as(method).isEqualTo(-32601);
    }
  }

  // --- outcomes ---

  @Test
  void aToolError_completesTheTask_withIsError() throws Exception {
    JsonNode done = poll(call("tool_error", TASKS, "alice"), "alice", "completed");
    assertThat(done.at("/result/isError").asBoolean()).isTrue();
    assertThat(done.at("/result/content/0/text").asText()).isEqualTo("the input set is empty");
  }

  @Test
  void aCrash_failsTheTask_withAnInternalErrorNamingOnlyAnErrorId() throws Exception {
    JsonNode failed = poll(call("crash", TASKS, "alice"), "alice", "failed");
    assertThat(failed.at("/error/code").asInt()).isEqualTo(-32603);
    assertThat(failed.at("/error/message").asText())
        .contains("error id")
        .doesNotContain("boom")
        .doesNotContain("IllegalStateException");
    assertThat(failed.has("result")).isFalse();
  }

  // --- input inside a task ---

  @Test
  void inputInsideATask_isAnsweredWithTasksUpdate_oneKeyAtATime() throws Exception {
    JsonNode created = call("ask_two", TASKS, "alice");
    JsonNode waiting = poll(created, "alice", "input_required");
    assertThat(waiting.path("inputRequests").size()).isEqualTo(2);
    assertThat(waiting.at("/inputRequests/first/method").asText()).isEqualTo("elicitation/create");
    assertThat(waiting.has("requestState")).isFalse();

    JsonNode ack = update(created, "\"first\":" + accept("Ann") + ",\"never_asked\":{}", "alice");
    assertThat(ack.path("resultType").asText()).isEqualTo("complete");
    assertThat(ack.has("taskId")).isFalse();
    assertThat(ack.has("status")).isFalse();
    JsonNode partly = get(created, "alice");
    assertThat(partly.path("status").asText()).isEqualTo("input_required");
    assertThat(partly.path("inputRequests").fieldNames()).toIterable().containsExactly("second");

    update(created, "\"second\":" + accept("Bo"), "alice");
    JsonNode done = poll(created, "alice", "completed");
    assertThat(done.at("/result/content/0/text").asText()).isEqualTo("Ann+Bo stored=2");
    assertThat(pack.askRuns.get()).isEqualTo(2);
  }

  @Test
  void anUpdateWhoseAnswerIsNotAnObject_isInvalidParams_andChangesNothing() throws Exception {
    JsonNode created = call("ask_two", TASKS, "alice");
    poll(created, "alice", "input_required");
    JsonNode error =
        error(
            send(
                "tasks/update",
                created.path("taskId").asText(),
                "\"taskId\":\""
                    + created.path("taskId").asText()
                    + "\",\"inputResponses\":{"
                    + "\"first\":\"yes\"}",
                TASKS,
                "alice"));
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).contains("inputResponses.first");
    assertThat(get(created, "alice").path("inputRequests").size()).isEqualTo(2);
  }

  @Test
  void aStartInlineTool_asksInAnOrdinaryRound_thenGoesOnAsATaskWithTheAnswer() throws Exception {
    JsonNode first = call("ask_then_task", TASKS, "alice");
    assertThat(first.path("resultType").asText()).isEqualTo("input_required");
    assertThat(first.has("taskId")).isFalse();
    JsonNode second =
        result(
            send(
                "tools/call",
                "ask_then_task",
                "\"name\":\"ask_then_task\",\"arguments\":{},\"inputResponses\":{\"who\":"
                    + accept("Cy")
                    + "},\"requestState\":\""
                    + first.path("requestState").asText()
                    + "\"",
                TASKS,
                "alice"));
    assertThat(second.path("resultType").asText()).isEqualTo("task");
    assertThat(second.has("requestState")).isFalse();
    JsonNode done = poll(second, "alice", "completed");
    assertThat(done.at("/result/content/0/text").asText()).isEqualTo("hello Cy, in task=true");
  }

  @Test
  void aStartInlineTool_withoutTheExtension_neverBecomesATask() throws Exception {
    JsonNode result = call("maybe_task", NO_TASKS, "alice");
    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.at("/content/0/text").asText()).isEqualTo("in task=false");
  }

  // --- cancellation ---

  @Test
  void cancel_endsTheTaskAsCancelled_andInterruptsItsTool() throws Exception {
    JsonNode created = call("wait", TASKS, "alice");
    // Cancelled while its tool runs; a task cancelled before its run starts never runs at all.
    assertThat(pack.waiting.await(10, TimeUnit.SECONDS)).isTrue();
    JsonNode ack = cancel(created, "alice");
    assertThat(ack.path("resultType").asText()).isEqualTo("complete");
    assertThat(ack.size()).as(Json.toString(ack)).isLessThanOrEqualTo(2); // resultType, _meta
    assertThat(get(created, "alice").path("status").asText()).isEqualTo("cancelled");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (pack.interrupted.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(pack.interrupted.get()).isEqualTo(1);
    // The tool's late result does not overwrite the cancel.
    Thread.sleep(100);
    assertThat(get(created, "alice").path("status").asText()).isEqualTo("cancelled");
    assertThat(get(created, "alice").has("result")).isFalse();
  }

  @Test
  void aTaskCancelledBeforeItsRunStarts_neverRunsItsTool() throws Exception {
    HeldLauncher probe = new HeldLauncher();
    server =
        McpServer.builder()
            .name("tasks")
            .tools(pack)
            .discoverTools(false)
            .auth(BY_TOKEN)
            .taskLauncher(probe)
            .build();
    JsonNode created = call("wait", TASKS, "alice");
    cancel(created, "alice");
    probe.runLaunched();
    assertThat(pack.waiting.getCount()).isEqualTo(1);
    assertThat(get(created, "alice").path("status").asText()).isEqualTo("cancelled");
  }

  /** A launcher that holds each run until the test lets it go, on the test's own thread. */
  private static final class HeldLauncher implements dev.toolsmith.runtime.task.TaskLauncher {
    private Runnable held;

    @Override
    public void launch(String taskId, Runnable runHere) {
      held = runHere;
    }

    void runLaunched() {
      held.run();
    }
  }

  @Test
  void cancellingAFinishedTask_acknowledges_andLeavesItsResult() throws Exception {
    pack.release.countDown();
    JsonNode created = call("wait", TASKS, "alice");
    poll(created, "alice", "completed");
    assertThat(cancel(created, "alice").path("resultType").asText()).isEqualTo("complete");
    assertThat(get(created, "alice").path("status").asText()).isEqualTo("completed");
  }

  @Test
  void unknownTasks_are32602ForGetAndCancel_butUpdateIsAcknowledged() throws Exception {
    String params = "\"taskId\":\"no-such-task\",\"inputResponses\":{}";
    assertThat(
            error(send("tasks/get", "no-such-task", params, TASKS, "alice")).path("code").asInt())
        .isEqualTo(-32602);
    assertThat(
            error(send("tasks/cancel", "no-such-task", params, TASKS, "alice"))
                .path("code")
                .asInt())
        .isEqualTo(-32602);
    assertThat(result(send("tasks/update", "no-such-task", params, TASKS, "alice")).has("status"))
        .isFalse();
  }

  // --- identity and lifetime ---

  @Test
  void anotherCallersTask_isUnknownToThem_andTheirCancelChangesNothing() throws Exception {
    JsonNode created = call("wait", TASKS, "alice");
    String id = created.path("taskId").asText();
    String params = "\"taskId\":\"" + id + "\"";
    JsonNode get = error(send("tasks/get", id, params, TASKS, "mallory"));
    assertThat(get.path("code").asInt()).isEqualTo(-32602);
    assertThat(get.path("message").asText()).contains("no task of yours");
    assertThat(error(send("tasks/cancel", id, params, TASKS, "mallory")).path("code").asInt())
        .isEqualTo(-32602);
    assertThat(get(created, "alice").path("status").asText()).isEqualTo("working");
  }

  @Test
  void aTaskPastItsTimeToLive_isNoLongerFound() throws Exception {
    server = server(Duration.ofMillis(300));
    JsonNode created = call("tool_error", TASKS, "alice");
    assertThat(created.path("ttlMs").asLong()).isEqualTo(300);
    Thread.sleep(400);
    JsonNode error =
        error(send("tasks/get", id(created), "\"taskId\":\"" + id(created) + "\"", TASKS, "alice"));
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void tasksGet_checksMcpNameAgainstTheTaskId() throws Exception {
    JsonNode created = call("wait", TASKS, "alice");
    HttpResponse response =
        send("tasks/get", "some-other-task", "\"taskId\":\"" + id(created) + "\"", TASKS, "alice");
    assertThat(response.status()).isEqualTo(400);
    assertThat(error(response).path("code").asInt()).isEqualTo(-32020);
  }

  // --- helpers ---

  private JsonNode call(String tool, String capabilities, String caller) throws Exception {
    return result(callResponse(tool, capabilities, caller));
  }

  private HttpResponse callResponse(String tool, String capabilities, String caller) {
    return send(
        "tools/call", tool, "\"name\":\"" + tool + "\",\"arguments\":{}", capabilities, caller);
  }

  private JsonNode get(JsonNode task, String caller) throws Exception {
    return result(send("tasks/get", id(task), "\"taskId\":\"" + id(task) + "\"", TASKS, caller));
  }

  private JsonNode cancel(JsonNode task, String caller) throws Exception {
    return result(send("tasks/cancel", id(task), "\"taskId\":\"" + id(task) + "\"", TASKS, caller));
  }

  private JsonNode update(JsonNode task, String responses, String caller) throws Exception {
    return result(
        send(
            "tasks/update",
            id(task),
            "\"taskId\":\"" + id(task) + "\",\"inputResponses\":{" + responses + "}",
            TASKS,
            caller));
  }

  /** Polls until the task reaches the status, failing after ten seconds. */
  private JsonNode poll(JsonNode task, String caller, String status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    JsonNode seen = get(task, caller);
    while (!seen.path("status").asText().equals(status) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      seen = get(task, caller);
    }
    assertThat(seen.path("status").asText()).as(Json.toString(seen)).isEqualTo(status);
    return seen;
  }

  private static String id(JsonNode task) {
    return task.path("taskId").asText();
  }

  private static String accept(String name) {
    return "{\"action\":\"accept\",\"content\":{\"name\":\"" + name + "\"}}";
  }

  private HttpResponse send(
      String method, String nameHeader, String params, String capabilities, String caller) {
    HttpRequest request = Mcp.modern(method, nameHeader, params);
    String body =
        new String(request.body(), StandardCharsets.UTF_8)
            .replace(
                "\"io.modelcontextprotocol/clientCapabilities\":{}",
                "\"io.modelcontextprotocol/clientCapabilities\":" + capabilities);
    HttpRequest withCapabilities =
        HttpRequest.of("POST", "/mcp", request.headers(), body.getBytes(StandardCharsets.UTF_8));
    return server.handle(Mcp.withHeader(withCapabilities, "Authorization", "Bearer " + caller));
  }
}
