package dev.toolsmith.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.session.SessionStore;
import dev.toolsmith.runtime.spi.ToolPack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process MCP client for tests: every request goes through the server's real engine and
 * Streamable HTTP rules, as a streaming server adapter hands them over, so what a test sees is what
 * a deployed server answers, without sockets.
 *
 * <pre>{@code
 * McpTestClient client = McpTestClient.of(McpServer.builder().name("test").build());
 * client.call("get_weather", Map.of("city", "Paris")).assertOk().text(); // "The weather in..."
 * McpTestClient.handshake(server).call("get_weather", Map.of("city", "Paris"));
 * }</pre>
 *
 * <p>{@link #of} speaks MCP 2026-07-28 (no session); {@link #handshake} runs {@code initialize}
 * first and then speaks 2025-11-25, carrying the session the server started, if any. Given {@link
 * InputAnswers}, the client answers a tool's elicitation, sampling and roots requests in either
 * era: retrying the call with the answers when a 2026-07-28 server returns {@code input_required},
 * and answering the requests a 2025-11-25 server sends on the call's held stream. Every request
 * asks for progress and for logs from {@code debug} up, which {@link ToolOutcome} gives back.
 */
public final class McpTestClient {
  private static final int MAX_INPUT_ROUNDS = 10;

  private final TestTransport transport;
  private final InputAnswers answers;
  private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
  private final List<JsonNode> asked = Collections.synchronizedList(new ArrayList<>());
  private Map<String, Map<String, String>> mirrored;

  private McpTestClient(TestTransport transport, InputAnswers answers) {
    this.transport = transport;
    this.answers = answers;
  }

  /** Returns a client that speaks MCP 2026-07-28 to the server and answers no input requests. */
  public static McpTestClient of(McpServer server) {
    return of(server, InputAnswers.none());
  }

  /** Returns a client that speaks MCP 2026-07-28 and answers input requests with these answers. */
  public static McpTestClient of(McpServer server, InputAnswers answers) {
    return new McpTestClient(
        new TestTransport(
            Objects.requireNonNull(server, "server"), true, answers.capabilities(), null),
        answers);
  }

  /**
   * Returns a 2026-07-28 client of a server that serves only these packs, with in-memory sessions
   * and no discovery: for a pack's unit tests, such as {@code McpTestClient.of(new
   * WeatherTools_McpTools())}.
   */
  public static McpTestClient of(ToolPack... packs) {
    return of(serverOf(packs));
  }

  /** Returns a handshake-era client of a server that serves only these packs. */
  public static McpTestClient handshake(ToolPack... packs) {
    return handshake(serverOf(packs));
  }

  private static McpServer serverOf(ToolPack... packs) {
    return McpServer.builder()
        .name("toolsmith-test")
        .discoverTools(false)
        .tools(packs)
        .sessions(SessionStore.inMemory())
        .build();
  }

  /**
   * Returns a client that has run the 2025-11-25 handshake ({@code initialize}, then {@code
   * notifications/initialized}) and speaks that era from then on.
   *
   * @throws AssertionError when the server refuses the handshake
   */
  public static McpTestClient handshake(McpServer server) {
    return handshake(server, InputAnswers.none());
  }

  /** Returns a handshake-era client, as {@link #handshake(McpServer)}, that answers with these. */
  public static McpTestClient handshake(McpServer server, InputAnswers answers) {
    TestTransport starting =
        new TestTransport(
            Objects.requireNonNull(server, "server"), false, answers.capabilities(), null);
    ObjectNode params = Json.object();
    params.put("protocolVersion", TestTransport.HANDSHAKE);
    params.set("capabilities", answers.capabilities());
    params.putObject("clientInfo").put("name", "toolsmith-test").put("version", "1");
    HttpResponse initialized = starting.initialize(params);
    JsonNode reply = TestTransport.parse(initialized);
    if (initialized.status() != 200 || reply.has("error")) {
      throw new AssertionError("initialize was refused: " + TestTransport.text(initialized));
    }
    TestTransport session = starting.withSession(initialized.header("Mcp-Session-Id"));
    session.notify("notifications/initialized");
    return new McpTestClient(session, answers);
  }

  /** Returns the names of the tools the server lists, in its order, across every page. */
  public List<String> toolNames() {
    return names(listAll("tools/list", "tools"), "name");
  }

  /** Returns one tool's {@code tools/list} entry: name, schemas, description, annotations. */
  public JsonNode tool(String name) {
    List<JsonNode> tools = listAll("tools/list", "tools");
    for (JsonNode tool : tools) {
      if (tool.path("name").asText().equals(name)) {
        return tool;
      }
    }
    throw new AssertionError(
        "The server lists no tool '" + name + "'; it lists " + names(tools, "name"));
  }

  /**
   * Calls a tool with arguments given as plain Java values (maps, lists, strings, numbers,
   * booleans, {@code null}), which are written as JSON.
   */
  public ToolOutcome call(String tool, Map<String, ?> arguments) {
    return callJson(tool, Json.toString(JsonValues.toJson(arguments)));
  }

  /** Calls a tool with its arguments as JSON text, such as {@code {"city":"Paris"}}. */
  public ToolOutcome callJson(String tool, String arguments) {
    ObjectNode params = Json.object();
    params.put("name", tool);
    JsonNode parsed = parseJson(arguments);
    params.set("arguments", parsed);
    List<JsonNode> messages =
        exchange(
            "tools/call",
            tool,
            params,
            transport.modern() ? mirroredHeaders(tool, parsed) : Map.of());
    JsonNode reply = messages.get(messages.size() - 1);
    return new ToolOutcome(
        tool,
        reply,
        messages.subList(0, messages.size() - 1),
        () -> tool(tool).get("outputSchema"));
  }

  /** Returns the URIs of the resources the server lists, across every page. */
  public List<String> resourceUris() {
    return names(listAll("resources/list", "resources"), "uri");
  }

  /** Returns the URI templates of the resource templates the server lists. */
  public List<String> resourceTemplates() {
    return names(listAll("resources/templates/list", "resourceTemplates"), "uriTemplate");
  }

  /**
   * Reads a resource and returns the {@code resources/read} result ({@code contents}).
   *
   * @throws AssertionError when the server answers with an error
   */
  public JsonNode readResource(String uri) {
    ObjectNode params = Json.object();
    params.put("uri", uri);
    return result("resources/read", uri, params);
  }

  /** Reads a resource and returns the text of its first content. */
  public String resourceText(String uri) {
    return readResource(uri).path("contents").path(0).path("text").asText();
  }

  /** Returns the names of the prompts the server lists, across every page. */
  public List<String> promptNames() {
    return names(listAll("prompts/list", "prompts"), "name");
  }

  /**
   * Gets a prompt with its arguments and returns the {@code prompts/get} result ({@code messages}).
   *
   * @throws AssertionError when the server answers with an error
   */
  public JsonNode getPrompt(String name, Map<String, String> arguments) {
    ObjectNode params = Json.object();
    params.put("name", name);
    params.set("arguments", JsonValues.toJson(arguments));
    return result("prompts/get", name, params);
  }

  /** Returns the values the server suggests for a prompt's argument, given what is typed so far. */
  public List<String> completePrompt(String prompt, String argument, String typed) {
    ObjectNode ref = Json.object().put("type", "ref/prompt").put("name", prompt);
    return complete(ref, argument, typed);
  }

  /** Returns the values the server suggests for a resource template's variable. */
  public List<String> completeTemplate(String uriTemplate, String variable, String typed) {
    ObjectNode ref = Json.object().put("type", "ref/resource").put("uri", uriTemplate);
    return complete(ref, variable, typed);
  }

  private List<String> complete(ObjectNode ref, String argument, String typed) {
    ObjectNode params = Json.object();
    params.set("ref", ref);
    params.putObject("argument").put("name", argument).put("value", typed);
    List<String> values = new ArrayList<>();
    for (JsonNode value :
        result("completion/complete", null, params).path("completion").path("values")) {
      values.add(value.asText());
    }
    return values;
  }

  /**
   * Returns the input requests the server made of this client so far, in order, each as {@code
   * {"method": ..., "params": ...}}: what the user or model would have been asked.
   */
  public List<JsonNode> asked() {
    synchronized (asked) {
      return List.copyOf(asked);
    }
  }

  /**
   * Sends any request and returns the whole JSON-RPC response, result or error, after any input
   * rounds.
   *
   * @param name the tool, prompt or resource the request names, for the 2026-07-28 {@code Mcp-Name}
   *     header; {@code null} when it names none
   * @param params the members of {@code params} as JSON text without braces, such as {@code
   *     "uri":"file:///a"}; empty for none
   */
  public JsonNode send(String method, String name, String params) {
    List<JsonNode> messages = exchange(method, name, (ObjectNode) parseJson("{" + params + "}"));
    return messages.get(messages.size() - 1);
  }

  private JsonNode result(String method, String name, ObjectNode params) {
    List<JsonNode> messages = exchange(method, name, params);
    JsonNode reply = messages.get(messages.size() - 1);
    if (reply.has("error")) {
      throw new AssertionError(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** Returns every entry of a list method, following {@code nextCursor} across pages. */
  private List<JsonNode> listAll(String method, String member) {
    List<JsonNode> entries = new ArrayList<>();
    String cursor = null;
    do {
      ObjectNode params = Json.object();
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      JsonNode result = result(method, null, params);
      result.path(member).forEach(entries::add);
      cursor = result.hasNonNull("nextCursor") ? result.get("nextCursor").asText() : null;
    } while (cursor != null);
    return entries;
  }

  private static List<String> names(List<JsonNode> entries, String member) {
    List<String> names = new ArrayList<>();
    for (JsonNode entry : entries) {
      names.add(entry.path(member).asText());
    }
    return names;
  }

  /**
   * Sends a request and returns what came back, the response last. A 2026-07-28 {@code
   * input_required} result is answered and the request retried with the answers, as a client does,
   * until the server completes it.
   */
  private List<JsonNode> exchange(String method, String name, ObjectNode params) {
    return exchange(method, name, params, Map.of());
  }

  private List<JsonNode> exchange(
      String method, String name, ObjectNode params, Map<String, String> extraHeaders) {
    List<JsonNode> notifications = new ArrayList<>();
    ObjectNode retry = params;
    for (int round = 0; ; round++) {
      List<JsonNode> messages =
          transport.post(method, name, retry, extraHeaders, this::answerOnStream);
      JsonNode reply = messages.get(messages.size() - 1);
      for (JsonNode message : messages.subList(0, messages.size() - 1)) {
        if (!message.has("id")) {
          notifications.add(message);
        }
      }
      JsonNode result = reply.path("result");
      if (!transport.modern() || !"input_required".equals(result.path("resultType").asText())) {
        notifications.add(reply);
        return notifications;
      }
      if (round == MAX_INPUT_ROUNDS) {
        throw new AssertionError(
            method + " still asked for input after " + MAX_INPUT_ROUNDS + " rounds: " + reply);
      }
      retry = params.deepCopy();
      ObjectNode responses = retry.putObject("inputResponses");
      for (Map.Entry<String, JsonNode> request : result.path("inputRequests").properties()) {
        JsonNode answer = answer(request.getValue());
        if (answer == null) {
          throw new AssertionError(
              "The server asked for "
                  + request.getValue().path("method").asText()
                  + " ('"
                  + request.getKey()
                  + "'), which this client has no answer for and did not declare: "
                  + request.getValue());
        }
        responses.set(request.getKey(), answer);
      }
      if (result.has("requestState")) {
        retry.set("requestState", result.get("requestState"));
      }
    }
  }

  /**
   * Returns the {@code Mcp-Param-*} headers a 2026-07-28 client sends for a call (SEP-2243): one
   * per argument the tool's listed schema marks with {@code x-mcp-header}, Base64-wrapped when the
   * value is not plain visible ASCII; none for an argument left out or {@code null}.
   */
  private Map<String, String> mirroredHeaders(String tool, JsonNode arguments) {
    if (mirrored == null) {
      Map<String, Map<String, String>> byTool = new HashMap<>();
      for (JsonNode listed : listAll("tools/list", "tools")) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property :
            listed.path("inputSchema").path("properties").properties()) {
          JsonNode header = property.getValue().get("x-mcp-header");
          if (header != null && header.isTextual()) {
            headers.put(property.getKey(), header.textValue());
          }
        }
        byTool.put(listed.path("name").asText(), headers);
      }
      mirrored = byTool;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> param : mirrored.getOrDefault(tool, Map.of()).entrySet()) {
      JsonNode value = arguments == null ? null : arguments.get(param.getKey());
      if (value != null && !value.isNull() && value.isValueNode()) {
        headers.put("Mcp-Param-" + param.getValue(), headerValue(value.asText()));
      }
    }
    return headers;
  }

  private static String headerValue(String text) {
    boolean plain = !text.isEmpty() && text.strip().equals(text);
    for (int i = 0; plain && i < text.length(); i++) {
      plain = text.charAt(i) >= 0x20 && text.charAt(i) < 0x7f;
    }
    return plain
        ? text
        : "=?base64?"
            + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
            + "?=";
  }

  /** Answers a request the server sent on a held stream (2025-11-25). */
  private void answerOnStream(JsonNode request) {
    ObjectNode asked = Json.object();
    asked.put("method", request.path("method").asText());
    asked.set("params", request.path("params"));
    transport.respondLater(request, answer(asked));
  }

  /** Records an input request and returns its scripted answer, or null when there is none. */
  private JsonNode answer(JsonNode request) {
    asked.add(request);
    String method = request.path("method").asText();
    int index = answered.computeIfAbsent(method, m -> new AtomicInteger()).getAndIncrement();
    return answers.answer(method, index);
  }

  private static JsonNode parseJson(String json) {
    try {
      return Json.parse(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("Not JSON: " + json, e);
    }
  }
}
