package dev.toolsmith.runtime.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import java.util.Optional;

/** A JSON-RPC request as interceptors see it, from before it is served until it is answered. */
public interface InterceptedRequest {
  /** The two generations of the protocol a request may be on. */
  enum Era {
    /** Handshake-era clients: {@code initialize} first, 2025-11-25 and before. */
    HANDSHAKE,
    /** Clients on 2026-07-28 or later: every request names its version in {@code _meta}. */
    MODERN
  }

  /** Returns the JSON-RPC method, such as {@code tools/call}. */
  String method();

  /**
   * Returns what the request names: the tool of a {@code tools/call}, the prompt of a {@code
   * prompts/get}, the URI of a {@code resources/read} or subscription; empty for other methods.
   */
  Optional<String> name();

  /** Returns the request's JSON-RPC id. */
  JsonNode id();

  /** Returns the request's {@code params}: an empty object when it has none. */
  JsonNode params();

  /** Returns which generation of the protocol the request is on. */
  Era era();

  /**
   * Returns the protocol version the request is served in: the one its {@code _meta} names on the
   * modern wire, the negotiated one in the handshake era; empty when the request names none it can
   * be served in (it is then refused).
   */
  Optional<String> protocolVersion();

  /** Returns who is calling: {@link Identity#anonymous()} when the server does not authenticate. */
  Identity identity();

  /**
   * Returns a fact the transport attached, such as the AWS Lambda {@code Context} of the
   * invocation; empty when this transport has none of that type.
   */
  <T> Optional<T> transportAttribute(Class<T> type);

  /** Returns {@link System#nanoTime()} when the server began serving the request. */
  long startNanos();

  /**
   * Attaches a value to this request, for a later method of the same interceptor (a span started
   * before, ended after). Keyed by type: use a type of your own, so interceptors never collide.
   */
  <T> void attach(Class<T> type, T value);

  /** Returns the value {@linkplain #attach attached} under a type, if any. */
  <T> Optional<T> attached(Class<T> type);
}
