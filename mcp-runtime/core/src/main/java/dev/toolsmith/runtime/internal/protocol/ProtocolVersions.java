package dev.toolsmith.runtime.internal.protocol;

import java.util.List;

/**
 * The MCP revisions this server speaks, in its two eras.
 *
 * <p>The legacy era (up to 2025-11-25) negotiates a version once with {@code initialize}; the
 * modern era (2026-07-28 on) names it in every request's {@code _meta}.
 */
public final class ProtocolVersions {
  private ProtocolVersions() {}

  /** The stateless revision, served on the per-request {@code _meta} wire. */
  public static final String MODERN = "2026-07-28";

  /** The newest handshake-era revision, offered when a client asks for one we do not speak. */
  public static final String LATEST_LEGACY = "2025-11-25";

  /**
   * The versions served on the modern wire, newest first, as {@code server/discover} lists them.
   */
  public static final List<String> MODERN_VERSIONS = List.of(MODERN);

  /** The handshake-era versions served, newest first. */
  public static final List<String> LEGACY_VERSIONS =
      List.of(LATEST_LEGACY, "2025-06-18", "2025-03-26");

  /**
   * What a legacy request without an {@code MCP-Protocol-Version} header is taken to speak, as the
   * 2025-06-18 transport rules say.
   */
  public static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";

  /** Returns whether the version is a handshake-era version this server speaks. */
  public static boolean isLegacy(String version) {
    return LEGACY_VERSIONS.contains(version);
  }

  /** Returns whether the version is a modern version this server speaks. */
  public static boolean isModern(String version) {
    return MODERN_VERSIONS.contains(version);
  }
}
