package dev.toolsmith.runtime.session;

import java.util.Map;

/**
 * Makes a {@link SessionStore} from the environment, for stores that live in their own artifact
 * (such as {@code dev.toolsmith:toolsmith-dynamodb}) and are chosen by an environment variable.
 *
 * <p>Found with {@link java.util.ServiceLoader} only when the environment asks for such a store, so
 * a server that keeps sessions in memory never looks; a store the environment asks for whose
 * artifact is missing fails the server's build with a message naming the artifact.
 */
public interface SessionStoreProvider {

  /** Returns the kind of store this provider makes, for example {@code dynamodb}. */
  String kind();

  /**
   * Returns the store the environment configures.
   *
   * @param environment the process's environment variables
   */
  SessionStore fromEnvironment(Map<String, String> environment);
}
