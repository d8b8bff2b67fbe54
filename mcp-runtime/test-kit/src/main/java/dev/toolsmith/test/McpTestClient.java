package dev.toolsmith.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An in-process MCP client for tests: every call goes through the server's real engine and
 * Streamable HTTP rules as a POST, so what a test sees is what a deployed server answers, without
 * sockets.
 *
 * <pre>{@code
 * McpTestClient client = McpTestClient.of(McpServer.builder().name("test").build());
 * client.call("get_weather", Map.of("city", "Paris")).assertOk().text(); // "The weather in..."
 * McpTestClient.handshake(server).call("get_weather", Map.of("city", "Paris"));
 * }</pre>
 *
 * <p>{@link #of} speaks MCP 2026-07-28 (no session); {@link #handshake} runs {@code initialize}
 * first and then speaks 2025-11-25, carrying the session the server started, if any.
 */
public final class McpTestClient {
  private static final String MODERN = "2026-07-28";
  private static final String HANDSHAKE = "2025-11-25";

  private final McpServer server;
  private final boolean modern;
  private final String sessionId;
  private int nextId = 1;

  private McpTestClient(McpServer server, boolean modern, String sessionId) {
    this.server = server;
    this.modern = modern;
    this.sessionId = sessionId;
  }

  /** Returns a client that speaks MCP 2026-07-28 to the server. */
  public static McpTestClient of(McpServer server) {
    return new McpTestClient(Objects.requireNonNull(server, "server"), true, null);
  }

  /**
   * Returns a client that has run the 2025-11-25 handshake ({@code initialize}, then {@code
   * notifications/initialized}) and speaks that era from then on.
   *
   * @throws AssertionError when the server refuses the handshake
   */
  public static McpTestClient handshake(McpServer server) {
    McpTestClient starting =
        new McpTestClient(Objects.requireNonNull(server, "server"), false, null);
    HttpResponse initialized =
        starting.post(
            "initialize",
            null,
            "\"protocolVersion\":\""
                + HANDSHAKE
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"toolsmith-test\",\"version\":\"1\"}");
    JsonNode reply = parse(initialized);
    if (initialized.status() != 200 || reply.has("error")) {
      throw new AssertionError("initialize was refused: " + text(initialized));
    }
    McpTestClient client = new McpTestClient(server, false, initialized.header("Mcp-Session-Id"));
    client.notify("notifications/initialized");
    return client;
  }

  /** Returns the names of the tools the server lists, in its order, across every page. */
  public List<String> toolNames() {
    List<String> names = new ArrayList<>();
    for (JsonNode tool : listedTools()) {
      names.add(tool.path("name").asText());
    }
    return names;
  }

  /** Returns one tool's {@code tools/list} entry: name, schemas, description, annotations. */
  public JsonNode tool(String name) {
    List<String> names = new ArrayList<>();
    for (JsonNode tool : listedTools()) {
      if (tool.path("name").asText().equals(name)) {
        return tool;
      }
      names.add(tool.path("name").asText());
    }
    throw new AssertionError("The server lists no tool '" + name + "'; it lists " + names);
  }

  /** Returns every {@code tools/list} entry, following {@code nextCursor} across pages. */
  private List<JsonNode> listedTools() {
    List<JsonNode> tools = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode result =
          result("tools/list", null, cursor == null ? "" : "\"cursor\":" + quote(cursor));
      result.path("tools").forEach(tools::add);
      cursor = result.hasNonNull("nextCursor") ? result.get("nextCursor").asText() : null;
    } while (cursor != null);
    return tools;
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
    JsonNode reply =
        send("tools/call", tool, "\"name\":" + quote(tool) + ",\"arguments\":" + arguments);
    return new ToolOutcome(tool, reply);
  }

  /**
   * Sends any request and returns the whole JSON-RPC response, result or error.
   *
   * @param name the tool, prompt or resource the request names, for the 2026-07-28 {@code Mcp-Name}
   *     header; {@code null} when it names none
   * @param params the members of {@code params} as JSON text without braces, such as {@code
   *     "uri":"file:///a"}; empty for none
   */
  public JsonNode send(String method, String name, String params) {
    return parse(post(method, name, params));
  }

  private JsonNode result(String method, String name, String params) {
    JsonNode reply = send(method, name, params);
    if (reply.has("error")) {
      throw new AssertionError(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  private void notify(String method) {
    HttpResponse response =
        server.handle(
            HttpRequest.of(
                "POST",
                "/mcp",
                headers(method, null).build(),
                ("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"}")
                    .getBytes(StandardCharsets.UTF_8)));
    if (response.status() != 202) {
      throw new AssertionError(method + " was not accepted: " + text(response));
    }
  }

  private HttpResponse post(String method, String name, String params) {
    String allParams = params;
    if (modern) {
      String meta =
          "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\""
              + MODERN
              + "\",\"io.modelcontextprotocol/clientCapabilities\":{},"
              + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"toolsmith-test\",\"version\":\"1\"}}";
      allParams = params.isEmpty() ? meta : params + "," + meta;
    }
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + nextId++
            + ",\"method\":\""
            + method
            + "\",\"params\":{"
            + allParams
            + "}}";
    return server.handle(
        HttpRequest.of(
            "POST", "/mcp", headers(method, name).build(), body.getBytes(StandardCharsets.UTF_8)));
  }

  private Headers.Builder headers(String method, String name) {
    Headers.Builder headers =
        Headers.builder()
            .add("Content-Type", "application/json")
            .add("Accept", "application/json, text/event-stream");
    if (modern) {
      headers.add("MCP-Protocol-Version", MODERN).add("Mcp-Method", method);
      if (name != null) {
        headers.add("Mcp-Name", name);
      }
    } else if (!method.equals("initialize")) {
      headers.add("MCP-Protocol-Version", HANDSHAKE);
      if (sessionId != null) {
        headers.add("Mcp-Session-Id", sessionId);
      }
    }
    return headers;
  }

  private static JsonNode parse(HttpResponse response) {
    String text = text(response);
    // A reply with notifications comes as one event stream; its last data line is the response.
    if (text.startsWith("event:") || text.startsWith("data:") || text.startsWith(":")) {
      String last = null;
      for (String line : text.split("\n")) {
        if (line.startsWith("data:")) {
          last = line.substring("data:".length()).trim();
        }
      }
      text = last == null ? "" : last;
    }
    try {
      return Json.parse(text);
    } catch (IOException e) {
      throw new AssertionError(
          "The server answered HTTP " + response.status() + " with no JSON: " + text, e);
    }
  }

  private static String text(HttpResponse response) {
    return response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    return Json.toString(Json.nodes().textNode(text));
  }
}
