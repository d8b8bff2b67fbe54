package dev.toolsmith.runtime.internal.protocol;

/**
 * What kind of refusal a {@link ProtocolException} is, in the engine's terms; each transport
 * decides how to answer it (the Streamable HTTP rules map each kind to a status, stdio and direct
 * invocations send only the JSON-RPC error).
 */
public enum ErrorKind {
  /** An ordinary JSON-RPC error inside a successful exchange. */
  IN_BAND,
  /** The request cannot be served as sent: malformed, missing required metadata, wrong version. */
  BAD_REQUEST,
  /**
   * The request names something that is not there: a session, or a method its era does not have.
   */
  NOT_FOUND,
  /** The caller is known but lacks a permission (an OAuth scope). */
  FORBIDDEN,
  /**
   * The caller has used up its share of something the server bounds (its sessions); retry later.
   */
  TOO_MANY_REQUESTS,
  /**
   * The server cannot serve the request now: a backend it needs is misconfigured or failing, or a
   * bound shared by every caller is reached.
   */
  UNAVAILABLE
}
