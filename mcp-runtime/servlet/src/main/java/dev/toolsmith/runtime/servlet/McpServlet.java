package dev.toolsmith.runtime.servlet;

import dev.toolsmith.runtime.server.McpServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Serves an {@link McpServer} as a Jakarta Servlet (6.0 and later), so the same endpoint mounts in
 * Tomcat, Jetty, Undertow or a Spring Boot application, with the same Streamable HTTP rules as the
 * Toolsmith HTTP server: the head is checked before the body is read, errors are JSON, and a
 * handshake-era call that asks the client for input holds its response stream open until the client
 * answers.
 *
 * <pre>{@code
 * // Spring Boot
 * @Bean
 * ServletRegistrationBean<McpServlet> mcp(McpServer server) {
 *   return new ServletRegistrationBean<>(new McpServlet(server), "/mcp");
 * }
 * }</pre>
 *
 * <p>Map it to the endpoint's path, and also to {@code /.well-known/oauth-protected-resource/*}
 * when the server uses OAuth. A held stream occupies its container thread while the call waits, as
 * any blocking servlet does: size the container's pool for the held calls you expect, or use
 * virtual threads where the container offers them. Connection limits, header sizes and timeouts are
 * the container's to set.
 */
public class McpServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient McpServer server;

  /** Returns a servlet that serves this MCP server. */
  public McpServlet(McpServer server) {
    this.server = Objects.requireNonNull(server, "server");
  }

  /** Ends the sessions' held {@code GET} streams, so they do not hold up the container's stop. */
  @Override
  public void destroy() {
    server.endEventStreams();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    server.serve(new ServletExchange(request, response));
  }
}
