package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.toolsmith.runtime.spi.ResourceDescriptor;
import java.io.IOException;

/**
 * How list results are paged and how long clients may cache them (2026-07-28 {@code ttlMs} and
 * {@code cacheScope}).
 *
 * @param pageSize the most items on one page
 * @param ttlMs how long a client may reuse a list result, in milliseconds
 * @param privateCache whether results may vary by caller ({@code "private"}) or not ({@code
 *     "public"})
 */
public record ListOptions(int pageSize, long ttlMs, boolean privateCache) {
  public ListOptions {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
    }
    if (ttlMs < 0) {
      throw new IllegalArgumentException("ttlMs must not be negative, got " + ttlMs);
    }
  }

  /**
   * Returns the hints of one resource's reads: its own TTL where it set one, and private when the
   * server's hints are or the resource says so.
   */
  ListOptions forResource(ResourceDescriptor resource) {
    long ttl = resource.cacheTtlMs() >= 0 ? resource.cacheTtlMs() : ttlMs;
    boolean scoped = privateCache || resource.privateCache();
    return ttl == ttlMs && scoped == privateCache ? this : new ListOptions(pageSize, ttl, scoped);
  }

  void writeCaching(JsonGenerator gen) throws IOException {
    gen.writeNumberField("ttlMs", ttlMs);
    gen.writeStringField("cacheScope", privateCache ? "private" : "public");
  }
}
