package dev.toolsmith.runtime.internal.protocol;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resources each handshake-era session subscribed to with {@code resources/subscribe}, so
 * {@code notifications/resources/updated} goes only to sessions that asked. Kept in this process,
 * like the session's {@code GET} stream it is delivered on.
 */
final class Subscriptions {
  private final ConcurrentHashMap<String, Set<String>> bySession = new ConcurrentHashMap<>();

  void change(String sessionId, String uri, boolean subscribe) {
    if (subscribe) {
      bySession.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(uri);
    } else {
      Set<String> uris = bySession.get(sessionId);
      if (uris != null) {
        uris.remove(uri);
      }
    }
  }

  boolean has(String sessionId, String uri) {
    Set<String> uris = bySession.get(sessionId);
    return uris != null && uris.contains(uri);
  }

  void forget(String sessionId) {
    bySession.remove(sessionId);
  }
}
