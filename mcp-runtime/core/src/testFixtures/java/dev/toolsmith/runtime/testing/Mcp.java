package dev.toolsmith.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Builds the requests real clients send, in both eras, for tests that call the rules directly. */
public final class Mcp {
  private Mcp() {}

  public static final String MODERN_META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{},\"io.modelcontextprotocol/clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}";

  /** A modern request: headers and _meta as the 2026-07-28 spec has clients send them. */
  public static HttpRequest modern(String method, String name, String paramsWithoutMeta) {
    Headers.Builder headers =
        jsonHeaders().add("MCP-Protocol-Version", "2026-07-28").add("Mcp-Method", method);
    if (name != null) {
      headers.add("Mcp-Name", name);
    }
    String params =
        paramsWithoutMeta.isEmpty() ? MODERN_META : paramsWithoutMeta + "," + MODERN_META;
    return post(
        headers.build(),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{" + params + "}}");
  }

  /** A handshake-era request after initialize, with the negotiated version header. */
  public static HttpRequest legacy(String method, String params) {
    return post(
        jsonHeaders().add("MCP-Protocol-Version", "2025-11-25").build(),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{" + params + "}}");
  }

  /** Returns the request with one more header, such as {@code Authorization}. */
  public static HttpRequest withHeader(HttpRequest request, String name, String value) {
    Headers.Builder headers = Headers.builder().add(name, value);
    for (String known :
        new String[] {
          "Content-Type",
          "Accept",
          "MCP-Protocol-Version",
          "Mcp-Method",
          "Mcp-Name",
          "Mcp-Session-Id"
        }) {
      String present = request.headers().first(known);
      if (present != null) {
        headers.add(known, present);
      }
    }
    return HttpRequest.of(request.method(), request.path(), headers.build(), request.body());
  }

  /** A handshake-era {@code initialize}, as clients send it first. */
  public static HttpRequest initialize(String version) {
    return post(
        jsonHeaders().build(),
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\""
            + version
            + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
  }

  public static HttpRequest post(Headers headers, String body) {
    return HttpRequest.of("POST", "/mcp", headers, body.getBytes(StandardCharsets.UTF_8));
  }

  public static Headers.Builder jsonHeaders() {
    return Headers.builder()
        .add("Content-Type", "application/json")
        .add("Accept", "application/json, text/event-stream");
  }

  /** Returns the JSON-RPC result of a response, failing the test (with the body) if it has none. */
  public static JsonNode result(HttpResponse response) throws IOException {
    JsonNode body = Json.parse(response.body());
    assertThat(body.has("result")).as(response.bodyText()).isTrue();
    return body.path("result");
  }

  /** Returns the JSON-RPC error of a response, failing the test (with the body) if it has none. */
  public static JsonNode error(HttpResponse response) throws IOException {
    JsonNode body = Json.parse(response.body());
    assertThat(body.has("error")).as(response.bodyText()).isTrue();
    return body.path("error");
  }
}
