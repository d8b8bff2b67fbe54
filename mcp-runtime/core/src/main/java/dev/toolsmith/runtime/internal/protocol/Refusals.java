package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.session.SessionLimitException;
import dev.toolsmith.runtime.session.SessionStoreException;
import java.util.List;

/**
 * The engine's refusals of a request, each worded to say what was wrong and how to fix it. Kept out
 * of {@link McpEngine} so the request path reads as the protocol, and loaded only when something is
 * refused.
 */
final class Refusals {
  /** JSON-RPC error for an unknown or expired session, as the TypeScript SDK answers it. */
  static final int SESSION_NOT_FOUND = -32001;

  private Refusals() {}

  /** A handshake-era request without the session a server that keeps sessions requires. */
  static ProtocolException missingSession() {
    return new ProtocolException(
        ProtocolException.TRANSPORT_ERROR,
        ErrorKind.BAD_REQUEST,
        "Missing Mcp-Session-Id header: this server keeps sessions, so send the Mcp-Session-Id that "
            + "the initialize response returned, or initialize again.",
        null);
  }

  /**
   * The answer to a request or {@code DELETE} naming a session that is not (or no longer) there.
   */
  public static ProtocolException sessionNotFound() {
    return new ProtocolException(
        SESSION_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "Session not found: the Mcp-Session-Id is unknown, has expired "
            + "or was ended. Send initialize again to start a new session.",
        null);
  }

  /**
   * A bounded session store refused a new session: 429 when the caller's own share is used up, 503
   * when the whole store is full, each with when to retry.
   */
  static ProtocolException sessionLimit(SessionLimitException e) {
    return new ProtocolException(
        ProtocolException.INTERNAL_ERROR,
        e.perOwner() ? ErrorKind.TOO_MANY_REQUESTS : ErrorKind.UNAVAILABLE,
        e.getMessage(),
        null,
        Math.max(1, e.retryAfter().toSeconds()));
  }

  static ProtocolException storeFailure(SessionStoreException e) {
    InternalErrors.logger()
        .log(System.Logger.Level.ERROR, "Session store failure: " + e.getMessage(), e);
    return new ProtocolException(
        ProtocolException.INTERNAL_ERROR,
        ErrorKind.UNAVAILABLE,
        e.getMessage(),
        null,
        e.retryAfter().map(java.time.Duration::toSeconds).orElse(0L));
  }

  static ProtocolException missingMeta(String field, String expected) {
    return new ProtocolException(
        ProtocolException.INVALID_PARAMS,
        ErrorKind.BAD_REQUEST,
        "Missing params._meta[\""
            + field
            + "\"]: 2026-07-28 requests carry it in every request's _meta, as "
            + expected
            + ".",
        null);
  }

  static ProtocolException unsupportedVersion(String requested, List<String> supported) {
    ObjectNode data = Json.object();
    ArrayNode list = data.putArray("supported");
    for (String version : supported) {
      list.add(version);
    }
    data.put("requested", requested);
    return new ProtocolException(
        ProtocolException.UNSUPPORTED_PROTOCOL_VERSION,
        ErrorKind.BAD_REQUEST,
        "Unsupported protocol version '"
            + requested
            + "'. This server speaks "
            + String.join(", ", supported)
            + (supported == ProtocolVersions.MODERN_VERSIONS
                ? " with per-request _meta, and "
                    + String.join(", ", ProtocolVersions.LEGACY_VERSIONS)
                    + " after initialize."
                : " after initialize, and " + ProtocolVersions.MODERN + " with per-request _meta."),
        data);
  }

  static ProtocolException methodNotFoundModern(String method, Capabilities capabilities) {
    String hint =
        switch (method) {
          case "initialize" ->
              " 2026-07-28 has no initialize: call server/discover, or send initialize without _meta to speak "
                  + ProtocolVersions.LATEST_LEGACY
                  + ".";
          case "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe" ->
              " It was removed in 2026-07-28.";
          default -> "";
        };
    return new ProtocolException(
        ProtocolException.METHOD_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "Method '"
            + method
            + "' is not served on "
            + ProtocolVersions.MODERN
            + "."
            + hint
            + " Served: "
            + modernMethods(capabilities)
            + ".",
        null);
  }

  /**
   * Handshake-era clients read HTTP 404 as "your session is gone, initialize again", so an unknown
   * method there is an ordinary, in-band JSON-RPC error.
   */
  static ProtocolException methodNotFoundLegacy(String method, Capabilities capabilities) {
    return new ProtocolException(
        ProtocolException.METHOD_NOT_FOUND,
        ErrorKind.IN_BAND,
        "Method '" + method + "' is not served. Served: " + legacyMethods(capabilities) + ".",
        null);
  }

  private static String modernMethods(Capabilities capabilities) {
    return "server/discover"
        + capabilities.methods()
        + (capabilities.tasks()
            ? ", tasks/get, tasks/update, tasks/cancel, subscriptions/listen"
            : "");
  }

  private static String legacyMethods(Capabilities capabilities) {
    return "initialize, ping, logging/setLevel"
        + capabilities.methods()
        + (capabilities.resources() ? ", resources/subscribe, resources/unsubscribe" : "");
  }

  /** What a handshake-era request that asks for input without a held stream is told. */
  static String legacyCannotAnswer(String noStreamReason) {
    return "a handshake-era client can only answer on a stream held open while the call waits, and "
        + noStreamReason
        + ". Use a client that speaks "
        + ProtocolVersions.MODERN
        + " (it answers by sending the request again), or serve this tool on a server that holds "
        + "streams (toolsmith-server, toolsmith-servlet).";
  }
}
