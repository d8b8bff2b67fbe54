package dev.toolsmith.runtime.internal.protocol;

import java.util.Objects;

/**
 * What the server says about itself: in {@code initialize} and {@code server/discover} results and
 * in every modern result's {@code _meta}.
 *
 * @param name the server's programmatic name
 * @param version the server's version
 * @param instructions how a model should use the server, or {@code null}
 */
public record ServerInfo(String name, String version, String instructions) {
  public ServerInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }
}
