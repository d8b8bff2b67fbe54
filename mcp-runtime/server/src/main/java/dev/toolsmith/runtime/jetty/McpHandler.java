package dev.toolsmith.runtime.jetty;

import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.http.StreamableHttp;
import dev.toolsmith.runtime.server.McpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes each Jetty request: the health probe, the MCP endpoint (and its protected-resource
 * metadata) through the MCP server's Streamable HTTP rules, and a JSON 404 for anything else. It
 * checks what only a server knows before the rules run: the endpoint's path, the {@code Host} of a
 * loopback-bound server, and how many header fields came.
 */
final class McpHandler extends Handler.Abstract {
  private static final System.Logger LOG = System.getLogger("dev.toolsmith.runtime.jetty");
  private static final byte[] HEALTHY =
      "{\"status\":\"Healthy\"}".getBytes(StandardCharsets.US_ASCII);

  private final McpServer server;
  private final String path;
  private final String healthPath;
  private final boolean loopback;
  private final int maxHeaderCount;

  McpHandler(
      McpServer server, String path, String healthPath, boolean loopback, int maxHeaderCount) {
    super(InvocationType.BLOCKING);
    this.server = server;
    this.path = path;
    this.healthPath = healthPath;
    this.loopback = loopback;
    this.maxHeaderCount = maxHeaderCount;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String requestPath = request.getHttpURI().getPath();
    JettyExchange exchange = new JettyExchange(request, response, callback, requestPath);
    HttpResponse refusal = refusal(request, requestPath);
    if (refusal != null) {
      exchange.respond(refusal);
      return true;
    }
    try {
      server.serve(exchange);
      if (!exchange.answered()) {
        throw new IllegalStateException("The Streamable HTTP rules sent no response");
      }
    } catch (IOException e) {
      // The client went away mid-response: nobody is left to answer.
      callback.failed(e);
    } catch (RuntimeException | Error e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "Could not answer " + request.getMethod() + " " + requestPath,
          e);
      if (exchange.answered()) {
        callback.failed(e);
      } else {
        exchange.respond(
            StreamableHttp.refusal(
                500, "The server failed while answering; the failure is in its log."));
      }
    }
    return true;
  }

  /** Answers what is not for the MCP rules, or returns {@code null} to hand the request on. */
  private HttpResponse refusal(Request request, String requestPath) {
    if (requestPath.equals(healthPath)) {
      return health(request.getMethod());
    }
    if (loopback) {
      HttpResponse wrongHost =
          StreamableHttp.loopbackHostRefusal(request.getHeaders().get(HttpHeader.HOST));
      if (wrongHost != null) {
        return wrongHost;
      }
    }
    if (!requestPath.equals(path)
        && !requestPath.equals(path + "/")
        && !requestPath.startsWith(StreamableHttp.RESOURCE_METADATA_PATH)) {
      return StreamableHttp.refusal(
          404, "There is no MCP endpoint at " + requestPath + "; it is at " + path + ".");
    }
    int count = 0;
    for (HttpField ignored : request.getHeaders()) {
      if (++count > maxHeaderCount) {
        return StreamableHttp.refusal(
            431,
            "The request has more than "
                + maxHeaderCount
                + " header fields, more than this server accepts. Send fewer headers.");
      }
    }
    return null;
  }

  /**
   * The health probe: unauthenticated, as platforms probe without credentials (Bedrock AgentCore
   * Runtime, Kubernetes, load balancers).
   */
  private static HttpResponse health(String method) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      HttpResponse refusal = StreamableHttp.refusal(405, "The health probe is read with GET.");
      return new HttpResponse(405, withAllow(refusal.headers()), refusal.body());
    }
    return new HttpResponse(
        200, Map.of("Content-Type", "application/json", "Cache-Control", "no-store"), HEALTHY);
  }

  private static Map<String, String> withAllow(Map<String, String> headers) {
    java.util.LinkedHashMap<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.put("Allow", "GET, HEAD");
    return all;
  }
}
