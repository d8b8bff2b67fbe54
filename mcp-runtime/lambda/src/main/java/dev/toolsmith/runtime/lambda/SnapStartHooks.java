package dev.toolsmith.runtime.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.internal.lifecycle.Priming;
import dev.toolsmith.runtime.lifecycle.ManagedResource;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.session.Sessions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Resource;

/**
 * What a Lambda handler does around a SnapStart snapshot: before it, answer the server's priming
 * requests as API Gateway HTTP API events through the handler itself, then let the session store
 * prime itself and the lifespan's resources release their connections; after restore, let them
 * re-establish.
 *
 * <p>Registered with the CRaC global context only when Lambda is initialising a SnapStart version
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), so on-demand cold starts load none of this.
 * The handler keeps a strong reference: the context holds resources weakly.
 */
final class SnapStartHooks implements Resource {
  private final McpLambdaHandler handler;

  private SnapStartHooks(McpLambdaHandler handler) {
    this.handler = handler;
  }

  /**
   * Registers a handler's hooks with the CRaC global context; keep the returned object referenced.
   */
  static SnapStartHooks register(McpLambdaHandler handler) {
    SnapStartHooks hooks = new SnapStartHooks(handler);
    org.crac.Core.getGlobalContext().register(hooks);
    return hooks;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
    beforeCheckpoint(handler);
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) throws Exception {
    afterRestore(handler);
  }

  static void beforeCheckpoint(McpLambdaHandler handler) throws Exception {
    prime(handler);
    checkpointResources(handler);
  }

  /** Lets the session store prime itself, then the lifespan's resources release connections. */
  static void checkpointResources(McpLambdaHandler handler) throws Exception {
    ManagedResource store = sessionStore(handler);
    if (store != null) {
      store.beforeCheckpoint();
    }
    handler.server().lifespan().beforeCheckpoint();
  }

  static void afterRestore(McpLambdaHandler handler) throws Exception {
    ManagedResource store = sessionStore(handler);
    if (store != null) {
      store.afterRestore();
    }
    handler.server().lifespan().afterRestore();
  }

  /**
   * Returns the server's session store when it takes part in snapshots, as the DynamoDB store does
   * (it primes its client's first call), else null. The priming requests above use no session, so
   * without this the snapshot would hold a store that has never called its database.
   */
  private static ManagedResource sessionStore(McpLambdaHandler handler) {
    return handler.server().sessions().map(Sessions::store).orElse(null)
            instanceof ManagedResource resource
        ? resource
        : null;
  }

  /**
   * Answers each priming request as an HTTP API event. A failure is logged, not thrown: a snapshot
   * primed less is still a working snapshot, and the resources reconnect on first use.
   *
   * @return the HTTP status of each answer, in order
   */
  static List<Integer> prime(McpLambdaHandler handler) {
    McpServer server = handler.server();
    Priming priming = server.priming();
    List<Integer> statuses = new ArrayList<>();
    priming.open();
    try {
      for (Priming.Request request : priming.requests()) {
        statuses.add(answer(handler, event(request, priming.headers(request))));
      }
    } finally {
      priming.close();
    }
    for (int i = 0; i < statuses.size(); i++) {
      if (statuses.get(i) != 200) {
        System.getLogger("dev.toolsmith.runtime")
            .log(
                System.Logger.Level.WARNING,
                "Priming request "
                    + priming.requests().get(i).method()
                    + " answered HTTP "
                    + statuses.get(i)
                    + " before the SnapStart checkpoint");
      }
    }
    return statuses;
  }

  private static int answer(McpLambdaHandler handler, byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event), out, null);
      return statusOf(out.toByteArray());
    } catch (IOException | RuntimeException e) {
      System.getLogger("dev.toolsmith.runtime")
          .log(System.Logger.Level.WARNING, "A priming request failed", e);
      return 0;
    }
  }

  /** Returns the HTTP status of an API Gateway response event, or 0 when it has none. */
  static int statusOf(byte[] response) throws IOException {
    JsonNode parsed = Json.parse(response);
    return parsed.path("statusCode").asInt(0);
  }

  /** An API Gateway HTTP API (payload 2.0) event, the shape a Function URL sends too. */
  static byte[] event(Priming.Request request, Map<String, String> headers) {
    ObjectNode event = Json.object();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", "/mcp");
    event.put("rawQueryString", "");
    ObjectNode eventHeaders = event.putObject("headers");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      eventHeaders.put(header.getKey().toLowerCase(java.util.Locale.ROOT), header.getValue());
    }
    ObjectNode http = event.putObject("requestContext").putObject("http");
    http.put("method", "POST");
    http.put("path", "/mcp");
    event.put("body", request.body());
    event.put("isBase64Encoded", false);
    return Json.toString(event).getBytes(StandardCharsets.UTF_8);
  }
}
