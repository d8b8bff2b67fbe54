package dev.toolsmith.runtime.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A session as a store last saw it.
 *
 * @param id the session's id
 * @param owner who the session belongs to, as {@link Sessions} names callers: only they can use,
 *     read or end it
 * @param data the session's values, an object of keys to JSON values; the store hands out a copy
 *     the caller may change
 * @param version the number of writes the session has had, for optimistic concurrency
 * @param expiresAt when the session stops counting as alive
 */
public record SessionSnapshot(
    String id, String owner, ObjectNode data, long version, Instant expiresAt) {}
