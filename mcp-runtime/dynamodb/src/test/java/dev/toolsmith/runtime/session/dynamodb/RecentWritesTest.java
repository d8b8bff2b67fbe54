package dev.toolsmith.runtime.session.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The write ids a session item keeps. A pending write's id must never reach another write's list:
 * if that write failed, a later list holding its id would make it count itself as applied.
 */
class RecentWritesTest {
  private final RecentWrites writes = new RecentWrites();

  @Test
  void aPendingWrite_isNotCopiedIntoTheNextVersionsList() {
    writes.saw("s", 5, Map.of(RecentWrites.ATTRIBUTE, RecentWrites.attribute(List.of("a"))));
    List<String> failing = writes.after("s", 5, "d"); // loses the race, never applied
    List<String> winning = writes.after("s", 5, "e");
    assertThat(failing).containsExactly("d", "a");
    assertThat(winning).containsExactly("e", "a");
    writes.applied("s", 6, winning);
    assertThat(writes.after("s", 6, "f")).containsExactly("f", "e", "a").doesNotContain("d");
  }

  @Test
  void theListIsBounded_andOnlyCopiedFromTheExpectedVersion() {
    List<String> ids = writes.after("s", -1, "w0");
    writes.applied("s", 0, ids);
    for (int version = 1; version <= 40; version++) {
      ids = writes.after("s", version - 1, "w" + version);
      writes.applied("s", version, ids);
    }
    assertThat(ids).hasSize(RecentWrites.KEEP).startsWith("w40", "w39");
    assertThat(writes.after("s", 7, "stale")).containsExactly("stale");
    assertThat(
            RecentWrites.holds(Map.of(RecentWrites.ATTRIBUTE, RecentWrites.attribute(ids)), "w20"))
        .isTrue();
    assertThat(RecentWrites.holds(Map.of(), "w20")).isFalse();
  }
}
