package dev.toolsmith.runtime.session.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ids of a session's last writes, which the item keeps (newest first, at most {@value #KEEP}),
 * so that a write the SDK retried after it was applied (its answer lost to a timeout or a dropped
 * connection) is recognised as already done, even when other calls wrote the session in between.
 * Without it, the retry's failed condition looks like someone else's write, and the update would
 * run again: an increment counted twice.
 *
 * <p>Each write sets the list to its own id followed by the list the item had at the version it
 * expects, which this process remembers from its last load or applied write of the session. Only
 * lists an item really had are remembered: a write's list is noted once the write was applied,
 * never while it is pending, or a concurrent writer could copy the id of a write that then failed,
 * and that write would later find its id in the item and count itself as applied (an increment
 * lost, found by {@code concurrentUpdates_loseNothing} under load). The memory is bounded and only
 * decides how much history survives.
 */
final class RecentWrites {
  static final String ATTRIBUTE = "recent_writes";
  static final int KEEP = 32;
  private static final int REMEMBERED_SESSIONS = 10_000;

  private record Seen(long version, List<String> ids) {}

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  /** Notes the list an item had at a version, from a load or a failed condition. */
  void saw(String sessionId, long version, Map<String, AttributeValue> item) {
    if (seen.size() >= REMEMBERED_SESSIONS) {
      seen.clear();
    }
    seen.put(sessionId, new Seen(version, ids(item)));
  }

  /**
   * Returns the list a write at {@code expectedVersion + 1} stores: its id, then the last ones the
   * item had at {@code expectedVersion}. Nothing is remembered until {@link #applied}.
   */
  List<String> after(String sessionId, long expectedVersion, String writeId) {
    Seen last = seen.get(sessionId);
    List<String> ids = new ArrayList<>(KEEP);
    ids.add(writeId);
    if (last != null && last.version() == expectedVersion) {
      for (String id : last.ids()) {
        if (ids.size() == KEEP) {
          break;
        }
        ids.add(id);
      }
    }
    return ids;
  }

  /** Notes the list a write stored, once the store confirmed it was applied at {@code version}. */
  void applied(String sessionId, long version, List<String> ids) {
    if (seen.size() >= REMEMBERED_SESSIONS) {
      seen.clear();
    }
    seen.put(sessionId, new Seen(version, ids));
  }

  /** Returns the list as the item's attribute. */
  static AttributeValue attribute(List<String> ids) {
    return AttributeValue.fromL(ids.stream().map(AttributeValue::fromS).toList());
  }

  /** Returns whether an item's list holds this write's id: the write was applied. */
  static boolean holds(Map<String, AttributeValue> item, String writeId) {
    return ids(item).contains(writeId);
  }

  private static List<String> ids(Map<String, AttributeValue> item) {
    AttributeValue list = item == null ? null : item.get(ATTRIBUTE);
    if (list == null || !list.hasL()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(list.l().size());
    for (AttributeValue id : list.l()) {
      if (id.s() != null) {
        ids.add(id.s());
      }
    }
    return ids;
  }
}
