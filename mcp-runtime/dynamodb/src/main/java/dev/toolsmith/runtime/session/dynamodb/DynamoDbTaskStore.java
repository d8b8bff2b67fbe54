package dev.toolsmith.runtime.session.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.lifecycle.Lifespan;
import dev.toolsmith.runtime.lifecycle.ManagedResource;
import dev.toolsmith.runtime.task.StoredTask;
import dev.toolsmith.runtime.task.TaskStatus;
import dev.toolsmith.runtime.task.TaskStore;
import dev.toolsmith.runtime.task.TaskStoreException;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Tasks in a DynamoDB table, one item per task, so every Lambda execution environment (and every
 * container behind a load balancer) sees the same tasks:
 *
 * <pre>
 * task_id          (S, hash key)  the id the client polls with
 * owner            (S)            who may see and cancel the task
 * caller           (S)            the creator's identity as JSON (subject, scopes, claims), for the tool
 * tool, protocol_version, client_capabilities, arguments (S)   the call the task runs
 * created_at       (N)            epoch milliseconds
 * ttl_ms           (N)            how long the task stays readable
 * expires_at       (N)            epoch seconds; enable the table's TTL on it so DynamoDB deletes old items
 * status           (S)            working, input_required, completed, failed or cancelled
 * last_updated_at  (N)            epoch milliseconds
 * version          (N)            1 when created, one more with each change; every write is conditional on it
 * answers, stored_values, input_requests, result, error (S)   JSON text, as the task's state holds it
 * write_id         (S)            the random id of the last write, so a write the SDK retried after it was
 *                                 applied (its answer lost) is known as done
 * </pre>
 *
 * <p>Reads are strongly consistent, so a task is visible as soon as {@link #create} returns, as the
 * tasks extension asks. DynamoDB deletes expired items only eventually, so reads also check {@code
 * expires_at}. Errors that mean the deployment is wrong (no such table, an IAM action the role
 * lacks) become {@link TaskStoreException}s naming the table and the action to grant.
 */
public final class DynamoDbTaskStore implements TaskStore, ManagedResource {
  static final String ID = "task_id";
  private static final String OWNER = "owner";
  private static final String CALLER = "caller";
  private static final String TOOL = "tool";
  private static final String PROTOCOL_VERSION = "protocol_version";
  private static final String CAPABILITIES = "client_capabilities";
  private static final String ARGUMENTS = "arguments";
  private static final String CREATED_AT = "created_at";
  private static final String TTL_MS = "ttl_ms";
  private static final String EXPIRES_AT = "expires_at";
  private static final String STATUS = "status";
  private static final String LAST_UPDATED_AT = "last_updated_at";
  private static final String VERSION = "version";
  private static final String ANSWERS = "answers";
  private static final String VALUES = "stored_values";
  private static final String INPUT_REQUESTS = "input_requests";
  private static final String RESULT = "result";
  private static final String ERROR = "error";
  private static final String WRITE_ID = "write_id";

  private final LazyClient client;
  private final String table;

  /**
   * Returns a store over a table, with a client the caller configured (and closes).
   *
   * @param client a DynamoDB client
   * @param table the table's name
   */
  public DynamoDbTaskStore(DynamoDbClient client, String table) {
    this(LazyClient.of(Objects.requireNonNull(client, "client")), table);
  }

  private DynamoDbTaskStore(LazyClient client, String table) {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException("The DynamoDB task table needs a name");
    }
    this.client = client;
    this.table = table;
  }

  /**
   * Returns a store over a table with a client configured from the environment, as {@link
   * DynamoDbSessionStore#fromEnvironment(String)} configures its own: built on first use (at once
   * while Lambda creates a SnapStart snapshot), the JDK's connections, and {@code
   * AWS_ENDPOINT_URL_DYNAMODB} or {@code AWS_ENDPOINT_URL} for DynamoDB Local.
   */
  public static TaskStore fromEnvironment(String table) {
    return fromEnvironment(table, System.getenv());
  }

  static DynamoDbTaskStore fromEnvironment(String table, Map<String, String> environment) {
    PrimableHttpClient http = EnvironmentClient.http();
    Optional<java.net.URI> endpoint = EnvironmentClient.endpoint(environment);
    return new DynamoDbTaskStore(
        LazyClient.building(
            () -> EnvironmentClient.build(environment, endpoint, http),
            Lifespan.snapshotting(environment)),
        table);
  }

  /** Returns the table's name. */
  public String table() {
    return table;
  }

  @Override
  public void create(StoredTask task) {
    Map<String, AttributeValue> item = item(task, UUID.randomUUID().toString());
    if (!put(item, "attribute_not_exists(" + ID + ")", Map.of(), Map.of())) {
      throw new IllegalStateException("Task id collision: " + task.taskId() + " is in use");
    }
  }

  @Override
  public Optional<StoredTask> find(String taskId) {
    GetItemResponse response;
    try {
      response =
          client
              .get()
              .getItem(
                  request ->
                      request
                          .tableName(table)
                          .key(Map.of(ID, AttributeValue.fromS(taskId)))
                          .consistentRead(true));
    } catch (RuntimeException e) {
      throw translate(e, "GetItem");
    }
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    StoredTask task = task(response.item());
    return task.isExpired(Instant.now()) ? Optional.empty() : Optional.of(task);
  }

  @Override
  public boolean replace(StoredTask next) {
    return put(
        item(next, UUID.randomUUID().toString()),
        "#version = :previous",
        Map.of("#version", VERSION),
        Map.of(":previous", number(next.state().version() - 1)));
  }

  /**
   * Writes an item if the condition holds, and returns whether it is written: {@code false} when
   * the condition failed on another write's item, {@code true} too when it failed on this write's
   * own (the SDK retried a put whose first attempt was applied and whose answer was lost).
   */
  private boolean put(
      Map<String, AttributeValue> item,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    try {
      client
          .get()
          .putItem(
              request ->
                  request
                      .tableName(table)
                      .item(item)
                      .conditionExpression(condition)
                      .expressionAttributeNames(names.isEmpty() ? null : names)
                      .expressionAttributeValues(values.isEmpty() ? null : values)
                      .returnValuesOnConditionCheckFailure(
                          ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return ours(e, item);
    } catch (RuntimeException e) {
      throw translate(e, "PutItem");
    }
  }

  private static boolean ours(ConditionalCheckFailedException e, Map<String, AttributeValue> item) {
    return e.hasItem() && item.get(WRITE_ID).equals(e.item().get(WRITE_ID));
  }

  private static Map<String, AttributeValue> item(StoredTask task, String writeId) {
    StoredTask.State state = task.state();
    StoredTask.Call call = task.call();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ID, AttributeValue.fromS(task.taskId()));
    item.put(OWNER, AttributeValue.fromS(task.owner()));
    item.put(CALLER, AttributeValue.fromS(callerJson(task.caller())));
    item.put(TOOL, AttributeValue.fromS(call.tool()));
    item.put(PROTOCOL_VERSION, AttributeValue.fromS(call.protocolVersion()));
    item.put(CAPABILITIES, AttributeValue.fromS(call.clientCapabilities()));
    putText(item, ARGUMENTS, call.arguments());
    item.put(CREATED_AT, number(task.createdAt().toEpochMilli()));
    item.put(TTL_MS, number(task.ttlMs()));
    // Rounded up, so DynamoDB never deletes a task before its time to live has passed.
    item.put(EXPIRES_AT, number(Math.floorDiv(task.expiresAt().toEpochMilli() + 999, 1000)));
    item.put(STATUS, AttributeValue.fromS(state.status().wire()));
    item.put(LAST_UPDATED_AT, number(state.lastUpdatedAt().toEpochMilli()));
    item.put(VERSION, number(state.version()));
    item.put(ANSWERS, AttributeValue.fromS(state.answers()));
    item.put(VALUES, AttributeValue.fromS(state.values()));
    putText(item, INPUT_REQUESTS, state.inputRequests());
    putText(item, RESULT, state.result());
    putText(item, ERROR, state.error());
    item.put(WRITE_ID, AttributeValue.fromS(writeId));
    return item;
  }

  private StoredTask task(Map<String, AttributeValue> item) {
    try {
      return new StoredTask(
          text(item, ID),
          text(item, OWNER),
          caller(text(item, CALLER)),
          new StoredTask.Call(
              text(item, TOOL),
              text(item, PROTOCOL_VERSION),
              text(item, ARGUMENTS),
              text(item, CAPABILITIES)),
          Instant.ofEpochMilli(number(item, CREATED_AT)),
          number(item, TTL_MS),
          new StoredTask.State(
              TaskStatus.fromWire(text(item, STATUS)),
              Instant.ofEpochMilli(number(item, LAST_UPDATED_AT)),
              number(item, VERSION),
              text(item, ANSWERS),
              text(item, VALUES),
              text(item, INPUT_REQUESTS),
              text(item, RESULT),
              text(item, ERROR)));
    } catch (RuntimeException | IOException e) {
      throw new TaskStoreException(
          "An item in the DynamoDB task table '"
              + table
              + "' is not a task this server wrote ("
              + e.getMessage()
              + "). Give tasks a table of their own.",
          e);
    }
  }

  private static String callerJson(Identity caller) {
    if (!caller.isAuthenticated()) {
      return "null";
    }
    ObjectNode json = Json.object().put("sub", caller.subject());
    caller.scopes().forEach(json.putArray("scopes")::add);
    json.set("claims", caller.claims());
    return Json.toString(json);
  }

  private static Identity caller(String json) throws IOException {
    JsonNode caller = Json.parse(json);
    if (caller.isNull()) {
      return Identity.anonymous();
    }
    Set<String> scopes = new LinkedHashSet<>();
    caller.path("scopes").forEach(scope -> scopes.add(scope.asText()));
    JsonNode claims = caller.get("claims");
    return Identity.of(
        caller.path("sub").asText(),
        scopes,
        claims instanceof ObjectNode object ? object : Json.object());
  }

  private static void putText(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, AttributeValue.fromS(value));
    }
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null || value.n() == null) {
      throw new IllegalArgumentException("no number " + name);
    }
    return Long.parseLong(value.n());
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private TaskStoreException translate(RuntimeException e, String action) {
    StoreErrors.Failure failure =
        StoreErrors.describe(
            e,
            action,
            StoreErrors.Table.TASKS,
            table,
            client.get().serviceClientConfiguration().region());
    return new TaskStoreException(failure.message(), e);
  }

  /** Closes the client if this store built it. */
  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "DynamoDB task store (table " + table + ")";
  }
}
