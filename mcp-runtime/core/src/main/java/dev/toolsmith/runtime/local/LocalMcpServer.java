package dev.toolsmith.runtime.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.http.StreamableHttp;
import dev.toolsmith.runtime.internal.lifecycle.RequestExecutors;
import dev.toolsmith.runtime.server.McpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves an {@link McpServer} over HTTP on the JDK's built-in server, for laptops, containers and
 * tests; the same Streamable HTTP rules as on Lambda, because both call {@link McpServer#handle}.
 *
 * <p>Binds {@code 127.0.0.1} by default. When bound to a loopback address it also checks the {@code
 * Host} header, so a web page cannot reach it through DNS rebinding. Requests run on virtual
 * threads when the JDK has them (21+), else on a small pool. {@link #close()} stops accepting, lets
 * running requests finish for a grace period, then stops.
 *
 * <pre>{@code
 * try (LocalMcpServer local = LocalMcpServer.start(server, 8080)) {
 *   System.out.println("MCP server at " + local.url());
 *   local.awaitStop();
 * }
 * }</pre>
 */
public final class LocalMcpServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.toolsmith.runtime.local");

  private final HttpServer http;
  private final ExecutorService executor;
  private final URI url;
  private final Duration grace;
  private final McpServer server;
  private final Object stopped = new Object();
  private boolean closed;

  private LocalMcpServer(Builder builder) throws IOException {
    InetAddress address = InetAddress.getByName(builder.host);
    this.http = HttpServer.create(new InetSocketAddress(address, builder.port), 0);
    this.executor = builder.executor != null ? builder.executor : RequestExecutors.create();
    this.grace = builder.grace;
    this.server = builder.server;
    McpEndpoint endpoint =
        new McpEndpoint(builder.server, builder.path, address.isLoopbackAddress());
    http.createContext("/", endpoint::handle);
    http.setExecutor(executor);
    http.start();
    String host =
        address.getHostAddress().contains(":")
            ? "[" + address.getHostAddress() + "]"
            : address.getHostAddress();
    this.url = URI.create("http://" + host + ":" + http.getAddress().getPort() + builder.path);
  }

  /**
   * Starts serving on {@code http://127.0.0.1:<port>/mcp}.
   *
   * @param port the port, or 0 for any free one (see {@link #url()})
   * @throws IOException when the port cannot be bound
   */
  public static LocalMcpServer start(McpServer server, int port) throws IOException {
    return builder(server).port(port).start();
  }

  /** Returns a builder for a server that serves the given MCP server. */
  public static Builder builder(McpServer server) {
    return new Builder(server);
  }

  /** Returns the MCP endpoint's URL, with the port actually bound. */
  public URI url() {
    return url;
  }

  /** Returns the port actually bound. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** Blocks until {@link #close()} is called, for example from a shutdown hook. */
  public void awaitStop() throws InterruptedException {
    synchronized (stopped) {
      while (!closed) {
        stopped.wait();
      }
    }
  }

  /**
   * Stops accepting requests, waits up to the grace period for running ones, then stops and closes
   * the MCP server's {@link dev.toolsmith.runtime.lifecycle.Lifespan}: a local server that stops is
   * the end of the process's server.
   */
  @Override
  public void close() {
    synchronized (stopped) {
      if (closed) {
        return;
      }
      closed = true;
      stopped.notifyAll();
    }
    http.stop((int) Math.max(0, grace.toSeconds()));
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    server.close();
    LOG.log(System.Logger.Level.DEBUG, "Stopped MCP server at {0}", url);
  }

  /** Configures a local server. */
  public static final class Builder {
    private final McpServer server;
    private String host = "127.0.0.1";
    private int port = 8080;
    private String path = "/mcp";
    private ExecutorService executor;
    private Duration grace = Duration.ofSeconds(2);

    private Builder(McpServer server) {
      this.server = Objects.requireNonNull(server, "server");
    }

    /**
     * Sets the address to bind (default {@code 127.0.0.1}). Use {@code 0.0.0.0} in a container, and
     * put authentication in front of anything reachable from a network.
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Sets the port (default 8080; 0 picks a free one). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the MCP endpoint's path (default {@code /mcp}). */
    public Builder path(String path) {
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/', got " + path);
      }
      this.path = path;
      return this;
    }

    /**
     * Runs requests on this executor instead of the default; it is shut down on {@link #close()}.
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Sets how long {@link #close()} waits for running requests (default 2 seconds). */
    public Builder gracePeriod(Duration grace) {
      this.grace = Objects.requireNonNull(grace, "grace");
      return this;
    }

    /** Binds and starts serving. */
    public LocalMcpServer start() throws IOException {
      return new LocalMcpServer(this);
    }
  }

  /** Hands JDK exchanges to the MCP server's Streamable HTTP rules. */
  private static final class McpEndpoint {
    private final McpServer server;
    private final String path;
    private final boolean loopback;

    McpEndpoint(McpServer server, String path, boolean loopback) {
      this.server = server;
      this.path = path;
      this.loopback = loopback;
    }

    void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        JdkExchange adapted = new JdkExchange(exchange);
        HttpResponse refusal = refusal(adapted);
        if (refusal != null) {
          adapted.respond(refusal);
        } else {
          server.serve(adapted);
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Could not answer " + exchange.getRequestURI(), e);
        throw e;
      }
    }

    /** Checks what only this adapter knows: the endpoint's path and the loopback {@code Host}. */
    private HttpResponse refusal(JdkExchange exchange) {
      String requestPath = exchange.path();
      if (!requestPath.equals(path)
          && !requestPath.equals(path + "/")
          && !requestPath.startsWith(StreamableHttp.RESOURCE_METADATA_PATH)) {
        return StreamableHttp.refusal(
            404, "There is no MCP endpoint at " + requestPath + "; it is at " + path + ".");
      }
      return loopback ? StreamableHttp.loopbackHostRefusal(exchange.headers().first("Host")) : null;
    }
  }
}
