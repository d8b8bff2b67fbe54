package dev.toolsmith.runtime.internal.protocol;

import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.NotificationSink;
import dev.toolsmith.runtime.TransportAttributes;
import java.util.Objects;

/**
 * What a transport tells the engine about one message, in terms that fit every transport: who sent
 * it, what else the transport knows, where notifications go, and, for transports with a
 * handshake-era session, the version and session the client named.
 *
 * <p>The Streamable HTTP rules fill it from the {@code MCP-Protocol-Version} and {@code
 * Mcp-Session-Id} headers; stdio, a direct Lambda invoke and an AgentCore Gateway event use {@link
 * #direct}, which has no sessions, because such a caller has no session header to carry one.
 *
 * @param identity who made the request, as the transport authenticated it
 * @param attributes the transport's facts, for tools that look them up by type
 * @param notifications where the request's notifications go
 * @param negotiatedVersion the protocol version the transport says the client speaks, or {@code
 *     null}
 * @param sessionId the handshake-era session the client named, or {@code null}
 * @param carriesSessions whether this transport can carry a session id back to the client, so a
 *     server that keeps sessions requires one after {@code initialize}
 * @param resultOnly whether a successful reply is the bare {@code result} object instead of a
 *     JSON-RPC response, for transports whose callers are not JSON-RPC clients (AgentCore Gateway
 *     targets get the {@code CallToolResult} itself)
 * @param client the live link to the client when the transport holds the request's stream, so a
 *     handshake-era request can ask the client for input and be cancelled; {@code null} otherwise
 * @param noStreamReason why this transport cannot hold a stream, for the tool error a handshake-era
 *     request that asks for input gets without a {@code client}
 */
public record Exchange(
    Identity identity,
    TransportAttributes attributes,
    NotificationSink notifications,
    String negotiatedVersion,
    String sessionId,
    boolean carriesSessions,
    boolean resultOnly,
    ClientChannel client,
    String noStreamReason) {
  /** What a transport without held streams, and without its own reason, says. */
  public static final String NO_HELD_STREAM = "this transport answers each request in one response";

  public Exchange {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(notifications, "notifications");
    noStreamReason = noStreamReason == null ? NO_HELD_STREAM : noStreamReason;
  }

  /**
   * Returns the exchange of a transport without sessions or authentication: stdio, direct invokes.
   */
  public static Exchange direct(TransportAttributes attributes, NotificationSink notifications) {
    return new Exchange(
        Identity.anonymous(),
        attributes,
        notifications,
        null,
        null,
        false,
        false,
        // A transport with a live link to its client (stdio) passes it among the attributes.
        attributes.get(ClientChannel.class).orElse(null),
        NO_HELD_STREAM);
  }

  /**
   * Returns this exchange answering with the bare {@code result} object; see {@link #resultOnly}.
   */
  public Exchange withResultOnly() {
    return new Exchange(
        identity,
        attributes,
        notifications,
        negotiatedVersion,
        sessionId,
        carriesSessions,
        true,
        client,
        noStreamReason);
  }
}
