package dev.toolsmith.examples.weather;

import com.sun.net.httpserver.HttpServer;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.server.McpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal HTTP adapter written the way a user would plug {@link McpServer#handle} into their own
 * server, which also records each request so tests can see what a client really sent.
 */
final class RecordingServer implements AutoCloseable {
  private final HttpServer http;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  RecordingServer(McpServer server) throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/mcp",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Headers.Builder headers = Headers.builder();
            exchange
                .getRequestHeaders()
                .forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
            Headers all = headers.build();
            seen.add(
                exchange.getRequestMethod()
                    + " version="
                    + all.first("MCP-Protocol-Version")
                    + " method="
                    + all.first("Mcp-Method")
                    + " "
                    + new String(body, StandardCharsets.UTF_8));
            HttpResponse response =
                server.handle(HttpRequest.of(exchange.getRequestMethod(), "/mcp", all, body));
            response.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(
                response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
              }
            }
          }
        });
    http.start();
  }

  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/mcp";
  }

  /** Returns one line per request received: HTTP method, version and method headers, body. */
  List<String> requests() {
    return List.copyOf(seen);
  }

  void clear() {
    seen.clear();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
