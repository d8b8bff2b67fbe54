package dev.toolsmith.runtime.internal.protocol;

import dev.toolsmith.runtime.session.Session;
import dev.toolsmith.runtime.session.Sessions;
import java.util.Optional;

/**
 * The session of a transport that has one client for its whole life (a stdio process): its first
 * session-taking call starts it, and every later call without a {@code session_handle} uses it, so
 * the client need not pass handles around. A transport passes it among its request's transport
 * attributes.
 */
public final class ConnectionSession {
  private String id;

  /** Returns the connection's session, starting it (or a new one, once it expired) when needed. */
  synchronized Session resolve(Sessions sessions, String owner) {
    if (id != null) {
      Optional<Session> found = sessions.find(id, owner);
      if (found.isPresent()) {
        return found.get();
      }
    }
    Session started = sessions.start(owner);
    id = started.id();
    return started;
  }
}
