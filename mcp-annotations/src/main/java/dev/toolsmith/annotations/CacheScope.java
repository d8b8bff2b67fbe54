package dev.toolsmith.annotations;

/**
 * Who may reuse a {@code resources/read} result, as 2026-07-28 clients are told in {@code
 * cacheScope}: see {@link McpResource#cacheScope()}.
 */
public enum CacheScope {
  /**
   * Decided by the server: {@code private} when it authenticates callers or the resource method
   * takes the caller's identity or session, {@code public} otherwise.
   */
  DEFAULT,
  /** The same for every caller: a shared cache may keep it. */
  PUBLIC,
  /** Meant for the caller who read it: only that caller's cache may keep it. */
  PRIVATE
}
