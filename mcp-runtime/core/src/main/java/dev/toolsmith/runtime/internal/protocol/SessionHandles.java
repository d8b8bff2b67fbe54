package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.ToolResult;
import dev.toolsmith.runtime.session.Session;
import dev.toolsmith.runtime.session.SessionLimitException;
import dev.toolsmith.runtime.session.Sessions;
import dev.toolsmith.runtime.spi.ToolDescriptor;
import java.util.Optional;

/**
 * Finds the session a session-taking tool call runs in.
 *
 * <p>In order: the {@code session_handle} argument when the client passed one (any era); else the
 * handshake-era session the transport validated ({@code Mcp-Session-Id}); else a new session. Every
 * result of a session-taking tool hands its session's handle back, so a client without protocol
 * sessions (2026-07-28, stdio, a direct invoke, a one-shot CLI) can pass it to the next call: this
 * is the explicit, server-minted handle of SEP-2567. Handles and session ids are the same thing, so
 * a handshake-era client may mix them.
 */
final class SessionHandles {
  private final Sessions sessions;

  SessionHandles(Sessions sessions) {
    this.sessions = sessions;
  }

  /**
   * The session to run a call in, and the handle to hand back; or, when there is none, the error to
   * return.
   */
  record Binding(Session session, HandBack handBack, ToolResult refusal) {}

  /**
   * The handle a result gives back: always in {@code _meta} for programs, and in a text block the
   * model reads only when the request had no protocol session. A client with one carries the
   * session itself, and the handle would only land in transcripts and logs.
   */
  record HandBack(String handle, boolean toModel) {}

  /**
   * Binds a call to the caller's session.
   *
   * @param connection the session of a transport with one client (stdio), or {@code null}
   * @param caller who is calling: a handle names a session only to its owner
   * @throws ProtocolException when a new session is needed and the store is full
   */
  Binding bind(
      String tool,
      JsonNode arguments,
      Session protocolSession,
      ConnectionSession connection,
      Identity caller) {
    String owner = SessionOwners.of(caller);
    boolean toModel = protocolSession == null;
    JsonNode handle = arguments == null ? null : arguments.get(ToolDescriptor.SESSION_HANDLE);
    if (handle != null && !handle.isNull()) {
      if (!handle.isTextual()) {
        return refuse(
            "Invalid arguments for tool '"
                + tool
                + "':\n- "
                + ToolDescriptor.SESSION_HANDLE
                + ": expected a string (the session_handle an earlier result gave), got "
                + handle.getNodeType().name().toLowerCase()
                + ".");
      }
      Optional<Session> found = sessions.find(handle.textValue(), owner);
      if (found.isEmpty()) {
        return refuse(
            "The session_handle passed to '"
                + tool
                + "' names no live session of yours: it has expired, was ended, "
                + "or was never issued to you by this server. Call '"
                + tool
                + "' again without session_handle to start a new session.");
      }
      return new Binding(found.get(), new HandBack(handle.textValue(), toModel), null);
    }
    if (protocolSession != null) {
      return new Binding(protocolSession, new HandBack(protocolSession.id(), false), null);
    }
    Session started;
    try {
      if (connection != null) {
        // The transport keeps this session for its one client: the model need not carry it.
        Session kept = connection.resolve(sessions, owner);
        return new Binding(kept, new HandBack(kept.id(), false), null);
      }
      started = sessions.start(owner);
    } catch (SessionLimitException e) {
      throw Refusals.sessionLimit(e);
    }
    return new Binding(started, new HandBack(started.id(), true), null);
  }

  /** Returns the text that tells a model about its handle, the last block of the result. */
  static String note(String handle) {
    return "session_handle: "
        + handle
        + "\n(Pass this session_handle to later calls of this server's tools to "
        + "continue the same session.)";
  }

  private static Binding refuse(String message) {
    return new Binding(null, null, ToolResult.error(message));
  }
}
