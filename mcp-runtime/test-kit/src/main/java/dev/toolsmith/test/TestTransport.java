package dev.toolsmith.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.server.McpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * How a {@link McpTestClient} reaches its server: the JSON-RPC bodies and headers of one protocol
 * era, each POST handed over as a streaming adapter hands it ({@link TestExchange}), and the
 * answers to a held stream's requests posted back from another thread.
 */
final class TestTransport {
  static final String MODERN = "2026-07-28";
  static final String HANDSHAKE = "2025-11-25";

  private final McpServer server;
  private final boolean modern;
  private final ObjectNode capabilities;
  private final String sessionId;
  private final AtomicInteger nextId;

  TestTransport(McpServer server, boolean modern, ObjectNode capabilities, String sessionId) {
    this(server, modern, capabilities, sessionId, new AtomicInteger(1));
  }

  private TestTransport(
      McpServer server,
      boolean modern,
      ObjectNode capabilities,
      String sessionId,
      AtomicInteger nextId) {
    this.server = server;
    this.modern = modern;
    this.capabilities = capabilities;
    this.sessionId = sessionId;
    this.nextId = nextId;
  }

  boolean modern() {
    return modern;
  }

  /** Returns this transport carrying a session, with the same request ids. */
  TestTransport withSession(String sessionId) {
    return new TestTransport(server, modern, capabilities, sessionId, nextId);
  }

  /** Sends {@code initialize} and returns the plain response, for its session header. */
  HttpResponse initialize(ObjectNode params) {
    return server.handle(
        HttpRequest.of(
            "POST", "/mcp", headers("initialize", null).build(), body("initialize", params)));
  }

  /**
   * Posts a request and returns the messages that came back, the response last.
   *
   * @param extraHeaders headers to send as well, such as {@code Mcp-Param-*}
   * @param onServerRequest called with each request the server sends on the call's held stream
   */
  List<JsonNode> post(
      String method,
      String name,
      ObjectNode params,
      Map<String, String> extraHeaders,
      Consumer<JsonNode> onServerRequest) {
    Headers.Builder headers = headers(method, name);
    extraHeaders.forEach(headers::add);
    TestExchange exchange =
        new TestExchange(headers.build(), body(method, params), onServerRequest);
    try {
      server.serve(exchange);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<JsonNode> messages = exchange.messages();
    if (messages.isEmpty()) {
      throw new AssertionError(method + " got HTTP " + exchange.status() + " with no response");
    }
    return messages;
  }

  /**
   * Answers a request the server sent on a held stream, from another thread, as a client posts its
   * answer while the call's stream stays open.
   *
   * @param answer the result, or {@code null} to refuse the request
   */
  void respondLater(JsonNode request, JsonNode answer) {
    ObjectNode response = Json.object();
    response.put("jsonrpc", "2.0");
    response.set("id", request.get("id"));
    if (answer != null) {
      response.set("result", answer);
    } else {
      response
          .putObject("error")
          .put("code", -32601)
          .put(
              "message",
              "The test client has no answer for "
                  + request.path("method").asText()
                  + "; give it one with InputAnswers");
    }
    Thread answering =
        new Thread(
            () ->
                server.handle(
                    HttpRequest.of(
                        "POST", "/mcp", headers(null, null).build(), Json.toBytes(response))),
            "toolsmith-test-answer");
    answering.setDaemon(true);
    answering.start();
  }

  void notify(String method) {
    ObjectNode message = Json.object();
    message.put("jsonrpc", "2.0");
    message.put("method", method);
    HttpResponse response =
        server.handle(
            HttpRequest.of("POST", "/mcp", headers(method, null).build(), Json.toBytes(message)));
    if (response.status() != 202) {
      throw new AssertionError(method + " was not accepted: " + text(response));
    }
  }

  private byte[] body(String method, ObjectNode params) {
    int id = nextId.getAndIncrement();
    ObjectNode all = params.deepCopy();
    ObjectNode meta = all.has("_meta") ? (ObjectNode) all.get("_meta") : all.putObject("_meta");
    meta.put("progressToken", "progress-" + id);
    if (modern) {
      meta.put("io.modelcontextprotocol/protocolVersion", MODERN);
      meta.set("io.modelcontextprotocol/clientCapabilities", capabilities);
      meta.putObject("io.modelcontextprotocol/clientInfo")
          .put("name", "toolsmith-test")
          .put("version", "1");
      meta.put("io.modelcontextprotocol/logLevel", "debug");
    }
    ObjectNode request = Json.object();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    request.set("params", all);
    return Json.toBytes(request);
  }

  /** The headers of a request; {@code method} is null for a response the client sends. */
  private Headers.Builder headers(String method, String name) {
    Headers.Builder headers =
        Headers.builder()
            .add("Content-Type", "application/json")
            .add("Accept", "application/json, text/event-stream");
    if (modern) {
      headers.add("MCP-Protocol-Version", MODERN);
      if (method != null) {
        headers.add("Mcp-Method", method);
      }
      if (name != null) {
        headers.add("Mcp-Name", name);
      }
    } else if (!"initialize".equals(method)) {
      headers.add("MCP-Protocol-Version", HANDSHAKE);
      if (sessionId != null) {
        headers.add("Mcp-Session-Id", sessionId);
      }
    }
    return headers;
  }

  static JsonNode parse(HttpResponse response) {
    try {
      return Json.parse(text(response));
    } catch (IOException e) {
      throw new AssertionError(
          "The server answered HTTP " + response.status() + " with no JSON: " + text(response), e);
    }
  }

  static String text(HttpResponse response) {
    return response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
  }
}
