package dev.toolsmith.runtime.jetty;

import dev.toolsmith.runtime.server.McpServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves an {@link McpServer} over HTTP in production, on Jetty 12: for containers (ECS,
 * Kubernetes, App Runner, Bedrock AgentCore Runtime) and for running examples on a laptop.
 *
 * <pre>{@code
 * McpServer server = McpServer.builder().name("weather").build();
 * try (McpHttpServer http = McpHttpServer.builder(server).port(8080).start()) {
 *   http.awaitStop(); // until SIGTERM
 * }
 * }</pre>
 *
 * <p>What it guarantees, on JDK 17 and 25 alike:
 *
 * <ul>
 *   <li><b>Slow clients cannot block others.</b> Jetty reads requests without holding a thread; a
 *       first request must arrive within {@link Builder#firstRequestTimeout} (408 otherwise), a
 *       connection idle or stalled mid-read or mid-write for {@link Builder#idleTimeout} is closed,
 *       and at most {@link Builder#maxConnections} are open at once. Requests run on virtual
 *       threads where the JDK has them (21+), else on a bounded pool.
 *   <li><b>Limits before work.</b> {@code Host} (when bound to loopback), {@code Origin},
 *       authentication, the declared {@code Content-Length} and the media types are checked before
 *       a byte of the body is read; a chunked body is cut at the limit; too many or too large
 *       headers get 431; malformed HTTP (a bare CR or LF in a header, an unknown version) is
 *       refused. Every refusal is JSON, never an HTML page.
 *   <li><b>Fast keep-alive.</b> {@code TCP_NODELAY}, and a whole response leaves in one write.
 *   <li><b>Held streams.</b> Handshake-era clients can answer elicitation, sampling and roots
 *       requests while a tool waits; progress and logs stream as they happen; {@code
 *       notifications/cancelled} and a client that leaves cancel the call.
 *   <li><b>Graceful shutdown.</b> On {@link #close()} or SIGTERM, new requests get 503, running
 *       ones get up to {@link Builder#gracePeriod} to finish, then the server's lifespan closes.
 * </ul>
 *
 * <p>{@code GET /ping} answers {@code {"status":"Healthy"}} without authentication, the probe
 * Bedrock AgentCore Runtime and load balancers use; {@link #agentCore} presets the rest of that
 * platform's contract.
 */
public final class McpHttpServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.toolsmith.runtime.jetty");

  private final Server jetty;
  private final ServerConnector connector;
  private final McpServer server;
  private final URI url;
  private final Object stopped = new Object();
  private final Thread shutdownHook;
  private boolean closed;

  private McpHttpServer(Builder builder) throws Exception {
    this.server = builder.server;
    InetAddress address = InetAddress.getByName(builder.host);
    QueuedThreadPool threads =
        new QueuedThreadPool(builder.maxThreads, Math.min(8, builder.maxThreads));
    threads.setName("toolsmith-http");
    threads.setVirtualThreadsExecutor(VirtualThreads.getDefaultVirtualThreadsExecutor());
    this.jetty = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    config.setRequestHeaderSize(builder.maxHeaderBytes);
    config.setHttpCompliance(HttpCompliance.RFC9110);
    this.connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(config));
    connector.setHost(address.getHostAddress());
    connector.setPort(builder.port);
    connector.setIdleTimeout(builder.idleTimeout.toMillis());
    connector.setAcceptedTcpNoDelay(true);
    connector.setReuseAddress(true);
    connector.addBean(
        new FirstRequestTimeout(connector.getScheduler(), builder.firstRequestTimeout));
    jetty.addConnector(connector);
    jetty.addBean(new NetworkConnectionLimit(builder.maxConnections, connector));
    jetty.setErrorHandler(new JsonErrorHandler());
    jetty.setHandler(
        new GracefulHandler(
            new MinimumDataRateHandler(
                new McpHandler(
                    builder.server,
                    builder.path,
                    builder.healthPath,
                    address.isLoopbackAddress(),
                    builder.maxHeaderCount),
                builder.minRequestBytesPerSecond,
                0)));
    jetty.setStopTimeout(builder.grace.toMillis());
    jetty.setStopAtShutdown(false);
    jetty.start();
    String host =
        address.getHostAddress().contains(":")
            ? "[" + address.getHostAddress() + "]"
            : address.getHostAddress();
    this.url = URI.create("http://" + host + ":" + connector.getLocalPort() + builder.path);
    if (builder.stopOnSignal) {
      shutdownHook = new Thread(this::close, "toolsmith-http-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } else {
      shutdownHook = null;
    }
    LOG.log(System.Logger.Level.INFO, "MCP server {0} at {1}", server.name(), url);
  }

  /** Returns a builder for a server that serves the given MCP server on 127.0.0.1:8080. */
  public static Builder builder(McpServer server) {
    return new Builder(server);
  }

  /**
   * Returns a builder preset for Bedrock AgentCore Runtime's MCP contract: {@code 0.0.0.0:8000},
   * {@code POST /mcp}, {@code GET /ping}. The platform's {@code Mcp-Session-Id} and {@code
   * X-Amzn-Bedrock-AgentCore-Runtime-Session-Id} headers are accepted as they come: a stateless
   * server ignores session ids it never issued, and a server with a session store issues its own
   * (stateful mode), which the platform uses to keep a client on one microVM.
   */
  public static Builder agentCore(McpServer server) {
    return new Builder(server).host("0.0.0.0").port(8000);
  }

  /** Returns the MCP endpoint's URL, with the port actually bound. */
  public URI url() {
    return url;
  }

  /** Returns the port actually bound. */
  public int port() {
    return connector.getLocalPort();
  }

  /** Blocks until {@link #close()} is called, or the process is asked to stop (SIGTERM). */
  public void awaitStop() throws InterruptedException {
    synchronized (stopped) {
      while (!closed) {
        stopped.wait();
      }
    }
  }

  /**
   * Stops gracefully: new requests get 503, running ones get the grace period to finish, then the
   * connections close and the MCP server's lifespan closes. Closing twice does nothing.
   */
  @Override
  public void close() {
    synchronized (stopped) {
      if (closed) {
        return;
      }
      closed = true;
    }
    server.endEventStreams();
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "Jetty did not stop cleanly", e);
    } finally {
      server.close();
      if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down.
        }
      }
      synchronized (stopped) {
        stopped.notifyAll();
      }
    }
    LOG.log(System.Logger.Level.INFO, "Stopped MCP server at {0}", url);
  }

  /** Configures an HTTP server. */
  public static final class Builder {
    private final McpServer server;
    private String host = "127.0.0.1";
    private int port = 8080;
    private String path = "/mcp";
    private String healthPath = "/ping";
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration firstRequestTimeout = Duration.ofSeconds(10);
    private Duration grace = Duration.ofSeconds(10);
    private int maxConnections = 4096;
    private int maxThreads = 200;
    private int maxHeaderBytes = 16 * 1024;
    private int maxHeaderCount = 100;
    private long minRequestBytesPerSecond = 1024;
    private boolean stopOnSignal = true;

    private Builder(McpServer server) {
      this.server = Objects.requireNonNull(server, "server");
    }

    /**
     * Sets the address to bind (default {@code 127.0.0.1}, which also refuses requests whose {@code
     * Host} is not a loopback name). Use {@code 0.0.0.0} in a container, with authentication in
     * front of anything reachable from a network.
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Sets the port (default 8080; 0 picks a free one, see {@link McpHttpServer#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the MCP endpoint's path (default {@code /mcp}). */
    public Builder path(String path) {
      this.path = requirePath(path, "path");
      return this;
    }

    /** Sets the health probe's path (default {@code /ping}). */
    public Builder healthPath(String healthPath) {
      this.healthPath = requirePath(healthPath, "healthPath");
      return this;
    }

    /**
     * Sets how long a connection may stay idle between requests, or stall while a request is read
     * or a response written, before it is closed (default 30 seconds). Held streams stay open past
     * it: they carry keep-alive comments.
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = requirePositive(timeout, "idleTimeout");
      return this;
    }

    /**
     * Sets how long a new connection has to deliver its first request (default 10 seconds); after
     * that it gets 408 and is closed.
     */
    public Builder firstRequestTimeout(Duration timeout) {
      this.firstRequestTimeout = requirePositive(timeout, "firstRequestTimeout");
      return this;
    }

    /** Sets how long a shutdown waits for running requests (default 10 seconds). */
    public Builder gracePeriod(Duration grace) {
      this.grace = Objects.requireNonNull(grace, "grace");
      return this;
    }

    /** Sets the most connections open at once (default 4096); more wait to be accepted. */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = requireAtLeast(maxConnections, 1, "maxConnections");
      return this;
    }

    /**
     * Sets the most platform threads serving requests (default 200). On JDK 21 and later requests
     * run on virtual threads, and these only run Jetty itself.
     */
    public Builder maxThreads(int maxThreads) {
      this.maxThreads = requireAtLeast(maxThreads, 4, "maxThreads");
      return this;
    }

    /** Sets the largest request line and headers, in bytes (default 16 KiB); larger get 431. */
    public Builder maxHeaderBytes(int maxHeaderBytes) {
      this.maxHeaderBytes = requireAtLeast(maxHeaderBytes, 1024, "maxHeaderBytes");
      return this;
    }

    /** Sets the most header fields in a request (default 100); more get 431. */
    public Builder maxHeaderCount(int maxHeaderCount) {
      this.maxHeaderCount = requireAtLeast(maxHeaderCount, 8, "maxHeaderCount");
      return this;
    }

    /**
     * Sets the slowest a request body may arrive, in bytes per second (default 1024); a slower one
     * is cut off. 0 turns the check off.
     */
    public Builder minRequestBytesPerSecond(long rate) {
      if (rate < 0) {
        throw new IllegalArgumentException("minRequestBytesPerSecond must not be negative");
      }
      this.minRequestBytesPerSecond = rate;
      return this;
    }

    /**
     * Sets whether SIGTERM (and any other JVM shutdown) stops the server gracefully (default {@code
     * true}).
     */
    public Builder stopOnSignal(boolean stopOnSignal) {
      this.stopOnSignal = stopOnSignal;
      return this;
    }

    /**
     * Binds and starts serving.
     *
     * @throws java.io.IOException when the address cannot be bound
     */
    public McpHttpServer start() throws java.io.IOException {
      try {
        return new McpHttpServer(this);
      } catch (UnknownHostException e) {
        throw e;
      } catch (java.io.IOException e) {
        throw new java.io.IOException(
            "Could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new java.io.IOException("Could not start the HTTP server: " + e.getMessage(), e);
      }
    }

    private static String requirePath(String path, String name) {
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException(name + " must start with '/', got " + path);
      }
      return path;
    }

    private static Duration requirePositive(Duration duration, String name) {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + duration);
      }
      return duration;
    }

    private static int requireAtLeast(int value, int least, String name) {
      if (value < least) {
        throw new IllegalArgumentException(name + " must be at least " + least + ", got " + value);
      }
      return value;
    }
  }
}
