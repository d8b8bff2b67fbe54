package dev.toolsmith.runtime.spi;

import java.util.List;
import java.util.Objects;

/**
 * A resource as {@code resources/list} shows it, or a resource template as {@code
 * resources/templates/list} shows it: its URI (or RFC 6570 URI template) and its list entry as JSON
 * text.
 */
@UsedByGeneratedCode
public final class ResourceDescriptor {
  private final String uri;
  private final boolean template;
  private final MinifiedJson json;
  private final List<String> requiredScopes;
  private final long cacheTtlMs;
  private final boolean privateCache;

  private ResourceDescriptor(
      String uri,
      boolean template,
      MinifiedJson json,
      List<String> requiredScopes,
      long cacheTtlMs,
      boolean privateCache) {
    this.uri = Objects.requireNonNull(uri, "uri");
    this.template = template;
    this.json = json;
    this.requiredScopes = List.copyOf(requiredScopes);
    this.cacheTtlMs = cacheTtlMs;
    this.privateCache = privateCache;
  }

  /**
   * Returns this descriptor for a resource only callers granted every one of these OAuth scopes may
   * read.
   */
  public ResourceDescriptor requiringScopes(String... scopes) {
    return new ResourceDescriptor(uri, template, json, List.of(scopes), cacheTtlMs, privateCache);
  }

  /**
   * Returns this descriptor with its own cache hints for {@code resources/read} on the 2026-07-28
   * wire (SPI level 3).
   *
   * @param ttlMs how long a client may reuse a read, in milliseconds; {@code -1} for the server's
   * @param privateCache whether only the reading caller may reuse it ({@code cacheScope: private});
   *     a server that authenticates callers marks every read private anyway
   */
  public ResourceDescriptor caching(long ttlMs, boolean privateCache) {
    if (ttlMs < -1) {
      throw new IllegalArgumentException("ttlMs must be -1 (the server's) or more, got " + ttlMs);
    }
    return new ResourceDescriptor(uri, template, json, requiredScopes, ttlMs, privateCache);
  }

  /** Returns how long a client may reuse a read, in milliseconds; {@code -1} for the server's. */
  public long cacheTtlMs() {
    return cacheTtlMs;
  }

  /** Returns whether only the reading caller may reuse a read. */
  public boolean privateCache() {
    return privateCache;
  }

  /** Returns the scopes a caller needs, empty when anyone may read the resource. */
  public List<String> requiredScopes() {
    return requiredScopes;
  }

  /**
   * Returns a static resource.
   *
   * @param uri its URI, as in the JSON
   * @param json its {@code resources/list} entry: {@code uri}, {@code name} and optionally {@code
   *     title}, {@code description}, {@code mimeType}
   */
  public static ResourceDescriptor of(String uri, String json) {
    return new ResourceDescriptor(uri, false, new MinifiedJson(json), List.of(), -1, false);
  }

  /**
   * Returns a resource template.
   *
   * @param uriTemplate its level-1 RFC 6570 template, such as {@code file:///logs/{date}}
   * @param json its {@code resources/templates/list} entry: {@code uriTemplate}, {@code name} and
   *     optionally {@code title}, {@code description}, {@code mimeType}
   */
  public static ResourceDescriptor template(String uriTemplate, String json) {
    return new ResourceDescriptor(uriTemplate, true, new MinifiedJson(json), List.of(), -1, false);
  }

  /** Returns the URI, or the URI template of a template. */
  public String uri() {
    return uri;
  }

  /** Returns whether this is a template. */
  public boolean isTemplate() {
    return template;
  }

  /** Returns the list entry as compact JSON text, minified on first use. */
  public String json() {
    return json.get();
  }

  @Override
  public String toString() {
    return "ResourceDescriptor{" + uri + "}";
  }
}
