package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.task.StoredTask;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Task status notifications ({@code notifications/tasks}) on a 2026-07-28 {@code
 * subscriptions/listen} stream: the client names its tasks in {@code params.notifications.taskIds},
 * and gets each one's state (what {@code tasks/get} would answer) now and whenever it changes,
 * until every one of them has ended.
 *
 * <p>Only a transport that holds the request's stream open can deliver them; elsewhere (Lambda) the
 * subscription is acknowledged with nothing honoured and ends at once, and clients poll. Changes
 * this server writes wake the stream at once; changes another instance writes to a shared store are
 * seen within a poll interval. Only the caller's own tasks are honoured.
 */
final class TaskSubscriptions {
  /** The {@code _meta} member every notification of a subscription carries. */
  static final String META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

  private final Map<String, Set<BlockingQueue<String>>> listeners = new ConcurrentHashMap<>();
  private final long pollIntervalMillis;

  TaskSubscriptions(long pollIntervalMillis) {
    this.pollIntervalMillis = pollIntervalMillis;
  }

  /** Wakes the streams that follow a task, after this server wrote its next state. */
  void changed(String taskId) {
    Set<BlockingQueue<String>> following = listeners.get(taskId);
    if (following != null) {
      for (BlockingQueue<String> queue : following) {
        queue.offer(taskId);
      }
    }
  }

  /**
   * Serves a {@code subscriptions/listen}: acknowledges the honoured filter, sends the state of
   * each honoured task and every change to it, and ends when all of them have ended, have expired,
   * or the client has gone.
   *
   * @param find returns the caller's task with an id, or empty when it is not theirs or is gone
   */
  Result listen(
      JsonRpcMessage.Request request,
      CallContext context,
      Function<String, Optional<StoredTask>> find) {
    JsonNode filter = request.param("notifications");
    if (filter == null || !filter.isObject()) {
      throw ProtocolException.invalidParams(
          "subscriptions/listen needs \"params.notifications\": an object naming what to send, such"
              + " as {\"taskIds\": [\"<taskId>\"]} for task status notifications.");
    }
    Set<String> honoured = new LinkedHashSet<>();
    JsonNode taskIds = filter.get("taskIds");
    if (context.held() && TaskEngine.declared(context.clientCapabilities()) && taskIds != null) {
      for (JsonNode taskId : taskIds) {
        if (taskId.isTextual() && find.apply(taskId.textValue()).isPresent()) {
          honoured.add(taskId.textValue());
        }
      }
    }
    JsonNode subscription = request.id();
    context.notify(
        "notifications/subscriptions/acknowledged",
        gen -> {
          gen.writeObjectFieldStart("notifications");
          if (!honoured.isEmpty()) {
            gen.writeArrayFieldStart("taskIds");
            for (String taskId : honoured) {
              gen.writeString(taskId);
            }
            gen.writeEndArray();
          }
          gen.writeEndObject();
          writeSubscriptionMeta(gen, subscription);
        });
    if (!honoured.isEmpty()) {
      follow(honoured, context, find, subscription);
    }
    return new Result.SubscriptionEnded(subscription);
  }

  private void follow(
      Set<String> open,
      CallContext context,
      Function<String, Optional<StoredTask>> find,
      JsonNode subscription) {
    BlockingQueue<String> wake = new LinkedBlockingQueue<>();
    List<String> followed = List.copyOf(open);
    for (String taskId : followed) {
      listeners.computeIfAbsent(taskId, id -> new CopyOnWriteArraySet<>()).add(wake);
    }
    Map<String, Long> sent = new HashMap<>();
    try {
      while (!open.isEmpty() && !context.isCancelled()) {
        List<String> ended = new ArrayList<>();
        for (String taskId : open) {
          Optional<StoredTask> task = find.apply(taskId);
          if (task.isEmpty()) {
            ended.add(taskId);
            continue;
          }
          StoredTask current = task.get();
          Long version = current.state().version();
          if (!version.equals(sent.put(taskId, version))) {
            sendStatus(context, current, subscription);
          }
          if (current.state().status().isTerminal()) {
            ended.add(taskId);
          }
        }
        ended.forEach(open::remove);
        if (!open.isEmpty()) {
          wake.poll(pollIntervalMillis, TimeUnit.MILLISECONDS);
          wake.clear();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (String taskId : followed) {
        unregister(taskId, wake);
      }
    }
  }

  private void unregister(String taskId, BlockingQueue<String> wake) {
    listeners.computeIfPresent(
        taskId,
        (id, following) -> {
          following.remove(wake);
          return following.isEmpty() ? null : following;
        });
  }

  private void sendStatus(CallContext context, StoredTask task, JsonNode subscription) {
    context.notify(
        "notifications/tasks",
        gen -> {
          new Result.TaskDetail(task, pollIntervalMillis)
              .writeFields(gen, WireRevision.V2026_07_28);
          writeSubscriptionMeta(gen, subscription);
        });
  }

  private static void writeSubscriptionMeta(JsonGenerator gen, JsonNode subscription)
      throws IOException {
    gen.writeObjectFieldStart("_meta");
    gen.writeFieldName(META_SUBSCRIPTION_ID);
    Json.write(gen, subscription);
    gen.writeEndObject();
  }
}
