package dev.toolsmith.runtime.internal.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.auth.AuthDecision;
import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.spi.PromptDescriptor;
import dev.toolsmith.runtime.spi.ResourceDescriptor;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import dev.toolsmith.runtime.spi.ToolPack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requests a server answers once before a SnapStart checkpoint, so the snapshot holds a JVM
 * that has already loaded, linked and run the whole request path: event parsing, the Streamable
 * HTTP rules, JSON, the dispatcher, the tool, and the resources the tool uses.
 *
 * <p>Always {@code server/discover} and {@code tools/list}, then the tool calls the server's
 * builder named with {@code primingCall}. Those calls really run, so name only tools that change
 * nothing, such as reads.
 *
 * <p>Priming requests go through the server's authenticator like any other, so they need a
 * credential no one else has: while {@link #open()}, and only then, requests bearing this process's
 * random priming token are admitted as {@value #SUBJECT} with every scope the server's tools,
 * resources and prompts require. Lambda sends no invocations while a function is being snapshotted,
 * so no caller can race the window.
 */
public final class Priming {
  /** The subject tools see while priming. */
  public static final String SUBJECT = "dev.toolsmith.priming";

  private static final String VERSION = "2026-07-28";

  private final Map<String, String> toolCalls;
  private final List<ToolPack> packs;
  private List<Request> requests;
  private volatile Identity identity;
  private volatile String token;

  /**
   * Returns the priming of a server.
   *
   * @param toolCalls the tools to call, each with its arguments object as JSON text
   * @param packs the server's packs: every scope their operations require is granted to the priming
   *     identity, gathered only when priming opens
   */
  public Priming(Map<String, String> toolCalls, List<ToolPack> packs) {
    this.toolCalls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(toolCalls));
    this.packs = List.copyOf(packs);
    for (Map.Entry<String, String> call : toolCalls.entrySet()) {
      arguments(call.getKey(), call.getValue());
    }
  }

  /**
   * Returns the requests to answer, in order. Made on first use, so a server that is never
   * snapshotted never builds them.
   */
  public synchronized List<Request> requests() {
    if (requests == null) {
      requests = build();
    }
    return requests;
  }

  private List<Request> build() {
    List<Request> all = new ArrayList<>();
    all.add(request("server/discover", null, Json.object()));
    all.add(request("tools/list", null, Json.object()));
    for (Map.Entry<String, String> call : toolCalls.entrySet()) {
      ObjectNode params = Json.object();
      params.put("name", call.getKey());
      params.set("arguments", arguments(call.getKey(), call.getValue()));
      all.add(request("tools/call", call.getKey(), params));
    }
    return List.copyOf(all);
  }

  /**
   * Returns an authenticator that admits priming requests while priming is open, and asks {@code
   * delegate} otherwise.
   */
  public Authenticator guard(Authenticator delegate) {
    return new Guard(delegate);
  }

  /** Starts admitting priming requests, with a token made now. */
  public void open() {
    identity = Identity.of(SUBJECT, requiredScopes(), null);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** Returns every scope an operation of the server's packs requires. */
  private Set<String> requiredScopes() {
    Set<String> scopes = new LinkedHashSet<>();
    for (ToolPack pack : packs) {
      for (ToolDescriptor tool : pack.tools()) {
        scopes.addAll(tool.requiredScopes());
      }
      for (ResourceDescriptor resource : pack.resources()) {
        scopes.addAll(resource.requiredScopes());
      }
      for (PromptDescriptor prompt : pack.prompts()) {
        scopes.addAll(prompt.requiredScopes());
      }
    }
    return scopes;
  }

  /** Stops admitting priming requests; their token is forgotten. */
  public void close() {
    token = null;
  }

  /**
   * Returns the HTTP headers of a priming request, credential included; only meaningful while open.
   */
  public Map<String, String> headers(Request request) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json, text/event-stream");
    headers.put("MCP-Protocol-Version", VERSION);
    headers.put("Mcp-Method", request.method());
    if (request.name() != null) {
      headers.put("Mcp-Name", request.name());
    }
    String current = token;
    if (current != null) {
      headers.put("Authorization", "Bearer " + current);
    }
    return headers;
  }

  private static JsonNode arguments(String tool, String json) {
    try {
      JsonNode arguments = Json.parse(json.getBytes(StandardCharsets.UTF_8));
      if (arguments.isObject()) {
        return arguments;
      }
    } catch (java.io.IOException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "The priming arguments of tool '"
            + tool
            + "' must be a JSON object, such as "
            + "\"{}\", got: "
            + json);
  }

  private static Request request(String method, String name, ObjectNode params) {
    ObjectNode meta = params.putObject("_meta");
    meta.put("io.modelcontextprotocol/protocolVersion", VERSION);
    meta.putObject("io.modelcontextprotocol/clientCapabilities");
    meta.putObject("io.modelcontextprotocol/clientInfo")
        .put("name", "toolsmith-priming")
        .put("version", "1");
    ObjectNode message = Json.object();
    message.put("jsonrpc", "2.0");
    message.put("id", "priming");
    message.put("method", method);
    message.set("params", params);
    return new Request(method, name, Json.toString(message));
  }

  /**
   * One priming request.
   *
   * @param method the JSON-RPC method
   * @param name the tool's name, for {@code tools/call}
   * @param body the JSON-RPC message
   */
  public record Request(String method, String name, String body) {}

  private final class Guard implements Authenticator {
    private final Authenticator delegate;

    Guard(Authenticator delegate) {
      this.delegate = delegate;
    }

    @Override
    public AuthDecision authenticate(Headers headers) {
      return authenticate(headers, dev.toolsmith.runtime.TransportAttributes.none());
    }

    @Override
    public AuthDecision authenticate(
        Headers headers, dev.toolsmith.runtime.TransportAttributes attributes) {
      String current = token;
      if (current != null
          && identity != null
          && isPrimingToken(headers.first("Authorization"), current)) {
        return AuthDecision.allow(identity);
      }
      return delegate.authenticate(headers, attributes);
    }

    private boolean isPrimingToken(String authorization, String expected) {
      return authorization != null
          && MessageDigest.isEqual(
              authorization.getBytes(StandardCharsets.UTF_8),
              ("Bearer " + expected).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String protectedResourceMetadata() {
      return delegate.protectedResourceMetadata();
    }

    @Override
    public String insufficientScopeChallenge(String scopes) {
      return delegate.insufficientScopeChallenge(scopes);
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
