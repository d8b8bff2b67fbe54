package dev.toolsmith.bench.http;

import dev.toolsmith.bench.sdk.SdkWeatherHandler;
import dev.toolsmith.examples.weather.WeatherServer;
import dev.toolsmith.runtime.http.Bodies;
import dev.toolsmith.runtime.jetty.McpHttpServer;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP benchmark's servers, one per child JVM: {@code java -cp http.jar
 * dev.toolsmith.bench.http.HttpContenders <floor|toolsmith|sdk> <port>} prints {@code READY} once
 * it listens.
 *
 * <ul>
 *   <li><b>floor</b>: Jetty 12 configured as the Toolsmith server configures it, with a handler
 *       that reads the body and writes the reply Toolsmith gives, canned: the least an MCP endpoint
 *       on this server can do.
 *   <li><b>toolsmith</b>: the weather example's server on {@link McpHttpServer}, as it ships.
 *   <li><b>sdk</b>: the same tool on the official MCP Java SDK 2.2.0, on its own servlet transport
 *       ({@code HttpServletStatelessServerTransport}) in Jetty 12's servlet container, the same
 *       Jetty.
 * </ul>
 */
public final class HttpContenders {
  /** Toolsmith's reply to the benchmark's call, byte for byte, for the floor to can. */
  static final byte[] CANNED =
      ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\","
              + "\"text\":\"The weather in Paris is sunny and 72°F.\"}],\"isError\":false}}")
          .getBytes(StandardCharsets.UTF_8);

  private HttpContenders() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[1]);
    switch (args[0]) {
      case "floor" -> floor(port);
      case "toolsmith" -> McpHttpServer.builder(WeatherServer.create()).port(port).start();
      case "sdk" -> sdk(port);
      default -> throw new IllegalArgumentException("unknown contender " + args[0]);
    }
    System.out.println("READY");
  }

  private static Server jetty(int port) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setVirtualThreadsExecutor(VirtualThreads.getDefaultVirtualThreadsExecutor());
    Server server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    ServerConnector connector =
        new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setAcceptedTcpNoDelay(true);
    server.addConnector(connector);
    return server;
  }

  private static void floor(int port) throws Exception {
    Server server = jetty(port);
    // The same handler chain as McpHttpServer's (graceful shutdown, the minimum data rate), so
    // only the MCP work differs.
    server.setHandler(new GracefulHandler(new MinimumDataRateHandler(canned(), 1024, 0)));
    server.start();
  }

  private static Handler canned() {
    return new Handler.Abstract(Invocable.InvocationType.BLOCKING) {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        // The body is read the way Toolsmith reads it, so only the MCP work differs.
        Bodies.read(Content.Source.asInputStream(request), request.getLength(), 4 << 20);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, CANNED.length);
        response.write(true, ByteBuffer.wrap(CANNED), callback);
        return true;
      }
    };
  }

  private static void sdk(int port) throws Exception {
    HttpServletStatelessServerTransport transport =
        HttpServletStatelessServerTransport.builder()
            .jsonMapper(McpJsonDefaults.getMapper())
            .messageEndpoint("/mcp")
            .build();
    SdkWeatherHandler.weather(McpServer.sync(transport), McpJsonDefaults.getMapper()).build();
    Server server = jetty(port);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(transport), "/mcp");
    server.setHandler(context);
    server.start();
  }
}
