package dev.toolsmith.runtime.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends one client message to the server over Streamable HTTP and hands back what the server
 * answers: the JSON response, or each message of an event stream, in order.
 *
 * <p>It carries what the transport needs between messages: the {@code Mcp-Session-Id} a
 * handshake-era server gives at {@code initialize}, the negotiated {@code MCP-Protocol-Version},
 * and for 2026-07-28 messages the {@code Mcp-Method} and {@code Mcp-Name} headers. A 401 starts a
 * sign-in (or a refresh) and the message is sent once more; a 403 for a missing scope signs in
 * again asking for it. Every failure becomes a JSON-RPC error for the message, never a crash.
 */
final class HttpForwarder {
  private static final String SESSION = "Mcp-Session-Id";
  private static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";

  private final URI server;
  private final ProxyOptions options;
  private final HttpClient http;
  private final OAuthLogin login;
  private final PrintStream log;
  private String sessionId;
  private String protocolVersion;

  HttpForwarder(URI server, ProxyOptions options, HttpClient http, PrintStream log) {
    this.server = server;
    this.options = options;
    this.http = http;
    this.log = log;
    this.login = new OAuthLogin(server, options, http, log);
  }

  /** Forwards one message; {@code out} receives each message to write to the client. */
  void forward(String line, Consumer<String> out) {
    JsonNode message;
    try {
      message = Json.parse(line.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      out.accept(
          error(
              null,
              -32700,
              "The proxy could not parse a message from the client as JSON: " + e.getMessage()));
      return;
    }
    JsonNode id = message.get("id");
    boolean request = message.hasNonNull("method") && id != null;
    try {
      if (login.needsRefresh()) {
        login.refresh();
      }
      HttpResponse<InputStream> response = post(message, line);
      for (int attempt = 0; attempt < 1 && needsSignIn(response); attempt++) {
        Challenge challenge = Challenge.of(response.headers());
        response.body().close();
        if (response.statusCode() == 403 || !login.refresh()) {
          try {
            login.signIn(challenge);
          } catch (IOException e) {
            log.println("toolsmith-proxy: sign-in failed: " + e.getMessage());
            if (request) {
              out.accept(
                  error(id, -32603, "Signing in to " + server + " failed: " + e.getMessage()));
            }
            return;
          }
        }
        response = post(message, line);
      }
      deliver(message, id, response, out);
    } catch (IOException e) {
      if (request) {
        out.accept(
            error(id, -32603, "The proxy could not reach " + server + ": " + e.getMessage()));
      } else {
        log.println("toolsmith-proxy: could not deliver a notification: " + e.getMessage());
      }
    }
  }

  /** Ends a handshake-era session, as a client closing does; nothing to do without one. */
  void close() {
    if (sessionId == null) {
      return;
    }
    HttpRequest.Builder delete =
        HttpRequest.newBuilder(server)
            .timeout(Duration.ofSeconds(5))
            .DELETE()
            .header(SESSION, sessionId);
    authorize(delete);
    try {
      http.send(delete.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // The session expires on the server anyway.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean needsSignIn(HttpResponse<InputStream> response) {
    if (response.statusCode() == 401) {
      return true;
    }
    return response.statusCode() == 403
        && "insufficient_scope".equals(Challenge.of(response.headers()).error());
  }

  private HttpResponse<InputStream> post(JsonNode message, String body) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server)
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (Map.Entry<String, String> header : options.headers.entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    authorize(request);
    String modern = message.path("params").path("_meta").path(META_VERSION).asText(null);
    if (modern != null) {
      request.header("MCP-Protocol-Version", modern);
      String method = message.path("method").asText(null);
      if (method != null) {
        request.header("Mcp-Method", method);
      }
      String name =
          switch (method == null ? "" : method) {
            case "tools/call", "prompts/get" -> message.path("params").path("name").asText(null);
            case "resources/read" -> message.path("params").path("uri").asText(null);
            default -> null;
          };
      if (name != null) {
        request.header(
            "Mcp-Name",
            isPlainAscii(name)
                ? name
                : "=?base64?"
                    + java.util.Base64.getEncoder()
                        .encodeToString(name.getBytes(StandardCharsets.UTF_8))
                    + "?=");
      }
    } else if (protocolVersion != null) {
      request.header("MCP-Protocol-Version", protocolVersion);
    }
    if (sessionId != null) {
      request.header(SESSION, sessionId);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }

  private void authorize(HttpRequest.Builder request) {
    String token = login.bearerToken();
    if (token != null && !options.hasHeader("Authorization")) {
      request.header("Authorization", "Bearer " + token);
    }
  }

  private void deliver(
      JsonNode message, JsonNode id, HttpResponse<InputStream> response, Consumer<String> out)
      throws IOException {
    response.headers().firstValue(SESSION).ifPresent(value -> sessionId = value);
    String type = response.headers().firstValue("Content-Type").orElse("");
    try (InputStream body = response.body()) {
      if (response.statusCode() == 202) {
        return;
      }
      if (type.startsWith("text/event-stream")) {
        readEvents(body, out);
        return;
      }
      byte[] bytes = body.readAllBytes();
      JsonNode reply = parseOrNull(bytes);
      if (reply != null && reply.has("jsonrpc")) {
        remember(message, reply);
        out.accept(Json.toString(reply));
      } else if (id != null) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        out.accept(
            error(
                id,
                -32603,
                "The server answered HTTP "
                    + response.statusCode()
                    + (text.isEmpty()
                        ? ""
                        : ": " + text.substring(0, Math.min(300, text.length())))));
      }
    }
    if (response.statusCode() == 404 && sessionId != null) {
      sessionId = null;
    }
  }

  /**
   * Keeps the protocol version a handshake-era server agreed to, for the header on later messages.
   */
  private void remember(JsonNode message, JsonNode reply) {
    if ("initialize".equals(message.path("method").asText())
        && reply.path("result").has("protocolVersion")) {
      protocolVersion = reply.path("result").path("protocolVersion").asText();
    }
  }

  private static void readEvents(InputStream body, Consumer<String> out) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    StringBuilder data = new StringBuilder();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isEmpty()) {
        flush(data, out);
      } else if (line.startsWith("data:")) {
        data.append(data.length() == 0 ? "" : "\n")
            .append(line.substring(line.startsWith("data: ") ? 6 : 5));
      }
    }
    flush(data, out);
  }

  private static void flush(StringBuilder data, Consumer<String> out) {
    if (data.length() == 0) {
      return;
    }
    JsonNode event = parseOrNull(data.toString().getBytes(StandardCharsets.UTF_8));
    if (event != null) {
      out.accept(Json.toString(event));
    }
    data.setLength(0);
  }

  private static JsonNode parseOrNull(byte[] bytes) {
    try {
      return bytes.length == 0 ? null : Json.parse(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < 0x20 || text.charAt(i) > 0x7e) {
        return false;
      }
    }
    return true;
  }

  static String error(JsonNode id, int code, String message) {
    ObjectNode error = Json.object();
    error.put("jsonrpc", "2.0");
    if (id == null) {
      error.putNull("id");
    } else {
      error.set("id", id);
    }
    error.putObject("error").put("code", code).put("message", message);
    return Json.toString(error);
  }
}
