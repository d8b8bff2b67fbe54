package dev.toolsmith.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.internal.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link TaskStore} must do; each store's test extends it. */
public abstract class TaskStoreContract {

  /** Returns the store under test, shared by the tests. */
  protected abstract TaskStore store();

  /** Returns a new working task with a fresh id, created now, that lives for {@code ttlMs}. */
  protected static StoredTask newTask(Identity caller, long ttlMs) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new StoredTask(
        UUID.randomUUID().toString(),
        caller.isAuthenticated() ? "id:0:" + caller.subject() : "anonymous",
        caller,
        new StoredTask.Call(
            "build_report", "2026-07-28", "{\"month\":\"2026-11\"}", "{\"elicitation\":{}}"),
        now,
        ttlMs,
        StoredTask.State.created(now, "{}", "{\"round\":1}"));
  }

  private static Identity alice() {
    return Identity.of(
        "alice", Set.of("reports:write"), Json.object().put("iss", "https://issuer.example"));
  }

  @Test
  void aCreatedTask_isFoundAtOnce_withEveryField() {
    StoredTask task = newTask(alice(), 60_000);
    store().create(task);
    StoredTask found = store().find(task.taskId()).orElseThrow();
    assertThat(found.taskId()).isEqualTo(task.taskId());
    assertThat(found.owner()).isEqualTo(task.owner());
    assertThat(found.call()).isEqualTo(task.call());
    assertThat(found.createdAt()).isEqualTo(task.createdAt());
    assertThat(found.ttlMs()).isEqualTo(60_000);
    assertThat(found.state()).isEqualTo(task.state());
    assertThat(found.caller().subject()).isEqualTo("alice");
    assertThat(found.caller().isAuthenticated()).isTrue();
    assertThat(found.caller().scopes()).containsExactly("reports:write");
    assertThat(found.caller().claim("iss").orElseThrow().asText())
        .isEqualTo("https://issuer.example");
  }

  @Test
  void anAnonymousCallersTask_keepsItsCallerAnonymous_andATaskWithoutArgumentsItsNull() {
    StoredTask plain = newTask(Identity.anonymous(), 60_000);
    StoredTask task =
        new StoredTask(
            plain.taskId(),
            plain.owner(),
            plain.caller(),
            new StoredTask.Call("tick", "2026-07-28", null, "{}"),
            plain.createdAt(),
            plain.ttlMs(),
            plain.state());
    store().create(task);
    StoredTask found = store().find(task.taskId()).orElseThrow();
    assertThat(found.caller().isAuthenticated()).isFalse();
    assertThat(found.call().arguments()).isNull();
  }

  @Test
  void unknownTasks_areNotFound() {
    assertThat(store().find("no-such-task-" + UUID.randomUUID())).isEmpty();
  }

  @Test
  void anExpiredTask_isNotFound() throws Exception {
    StoredTask task = newTask(alice(), 1);
    store().create(task);
    Thread.sleep(20);
    assertThat(store().find(task.taskId())).isEmpty();
  }

  @Test
  void replace_writesTheNextVersion_andRefusesAStaleOne() {
    StoredTask task = newTask(alice(), 60_000);
    store().create(task);
    StoredTask.State waiting =
        task.state()
            .next(
                TaskStatus.INPUT_REQUIRED,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "{}",
                "{\"round\":2}",
                "{\"confirm\":{\"method\":\"elicitation/create\",\"params\":{}}}");
    assertThat(store().replace(task.with(waiting))).isTrue();
    StoredTask found = store().find(task.taskId()).orElseThrow();
    assertThat(found.state()).isEqualTo(waiting);

    // A second change made from the same first version lost the race: refused, nothing written.
    StoredTask.State cancelled =
        task.state().ended(TaskStatus.CANCELLED, Instant.now(), null, null);
    assertThat(store().replace(task.with(cancelled))).isFalse();
    assertThat(store().find(task.taskId()).orElseThrow().state().status())
        .isEqualTo(TaskStatus.INPUT_REQUIRED);

    StoredTask.State done =
        waiting.ended(
            TaskStatus.COMPLETED,
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            "{\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}",
            null);
    assertThat(store().replace(found.with(done))).isTrue();
    assertThat(store().find(task.taskId()).orElseThrow().state()).isEqualTo(done);
  }

  @Test
  void replacingATaskThatIsNotThere_writesNothing() {
    StoredTask task = newTask(alice(), 60_000);
    StoredTask.State next = task.state().ended(TaskStatus.CANCELLED, Instant.now(), null, null);
    assertThat(store().replace(task.with(next))).isFalse();
    assertThat(store().find(task.taskId())).isEmpty();
  }

  @Test
  void ofConcurrentChangesFromOneVersion_exactlyOneWins() throws Exception {
    StoredTask task = newTask(alice(), 60_000);
    store().create(task);
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String result = "{\"content\":[],\"writer\":" + i + "}";
      outcomes.add(
          pool.submit(
              () -> {
                start.await();
                return store()
                    .replace(
                        task.with(
                            task.state().ended(TaskStatus.COMPLETED, Instant.now(), result, null)));
              }));
    }
    start.countDown();
    int won = 0;
    for (Future<Boolean> outcome : outcomes) {
      won += outcome.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(won).isEqualTo(1);
    assertThat(store().find(task.taskId()).orElseThrow().state().version()).isEqualTo(2);
  }
}
