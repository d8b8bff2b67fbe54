package dev.toolsmith.runtime.session.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.session.SessionSnapshot;
import dev.toolsmith.runtime.session.SessionStore;
import dev.toolsmith.runtime.session.SessionStoreException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Sessions in a DynamoDB table, one item per session:
 *
 * <pre>
 * session_id  (S, hash key)  the id the client holds
 * owner       (S)            who the session belongs to; only they may use, read or end it
 * expires_at  (N)            epoch seconds; enable the table's TTL on it so DynamoDB deletes old items
 * created_at  (N)            epoch seconds
 * version     (N)            writes so far; every write is conditional on it
 * data        (M)            the session's values, JSON as DynamoDB maps, lists, strings and numbers
 * recent_writes (L of S)     the random ids of the last 32 writes, so a write the SDK retried after
 *                            it was applied (its answer lost) is known as done, not counted twice
 * </pre>
 *
 * <p>DynamoDB deletes expired items only eventually (often within a day or two), so every read and
 * write also checks {@code expires_at} itself: an item past it counts as missing. Reads are
 * strongly consistent; writes replace {@code data} only if {@code version} is still the one read,
 * so concurrent calls on one session lose nothing.
 *
 * <p>Errors that mean the deployment is wrong (no such table, an IAM action the role lacks) become
 * {@link SessionStoreException}s naming the table and the action to grant.
 */
public final class DynamoDbSessionStore implements SessionStore {
  static final String ID = "session_id";
  static final String OWNER = "owner";
  static final String EXPIRES_AT = "expires_at";
  static final String CREATED_AT = "created_at";
  static final String VERSION = "version";
  static final String DATA = "data";

  /** How long one attempt of a DynamoDB call may take, in the client made from the environment. */
  static final java.time.Duration ATTEMPT_TIMEOUT = java.time.Duration.ofSeconds(3);

  /**
   * How long a DynamoDB call may take with its retries, in the client made from the environment.
   */
  static final java.time.Duration CALL_TIMEOUT = java.time.Duration.ofSeconds(10);

  /** How many attempts a DynamoDB call gets, in the client made from the environment. */
  static final int MAX_ATTEMPTS = 4;

  private final DynamoDbClient client;
  private final String table;
  private final RecentWrites recentWrites = new RecentWrites();

  /**
   * Returns a store over a table, with a client the caller configured (and closes).
   *
   * @param client a DynamoDB client; use the URL-connection HTTP client on Lambda for the fastest
   *     start
   * @param table the table's name
   */
  public DynamoDbSessionStore(DynamoDbClient client, String table) {
    this.client = Objects.requireNonNull(client, "client");
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException("The DynamoDB session table needs a name");
    }
    this.table = table;
  }

  /**
   * Returns a store over a table with a client configured from the environment: the JDK's
   * URL-connection HTTP client, the region from {@code AWS_REGION} (or the SDK's usual chain), the
   * credentials Lambda provides in environment variables when they are there (the SDK's default
   * chain otherwise), timeouts of 3 s per attempt and 10 s per call with retries, and the endpoint
   * from {@code AWS_ENDPOINT_URL_DYNAMODB} or {@code AWS_ENDPOINT_URL} when set, for DynamoDB
   * Local.
   */
  public static SessionStore fromEnvironment(String table) {
    return fromEnvironment(table, System.getenv());
  }

  /** Returns a store as {@link #fromEnvironment(String)} does, reading the given environment. */
  static SessionStore fromEnvironment(String table, Map<String, String> environment) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            // Bounded, so a hung table fails a call with a clear tool error well within a
            // Lambda's timeout instead of holding it for the HTTP client's 30 s per attempt.
            .overrideConfiguration(DynamoDbSessionStore::bounded);
    String region = environment.get("AWS_REGION");
    if (region != null && !region.isBlank()) {
      builder.region(Region.of(region));
    }
    if (environment.get("AWS_ACCESS_KEY_ID") != null
        && environment.get("AWS_SECRET_ACCESS_KEY") != null) {
      // What Lambda provides; skipping the default chain's probes of profiles, SSO and IMDS saves
      // start-up time.
      builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
    }
    return new DynamoDbSessionStore(builder.build(), table);
  }

  /**
   * Bounds a client's calls the way {@link #fromEnvironment(String)} does: 3 s per attempt, 10 s in
   * all, and at most 4 attempts (throttling backs off about 1, 2 and 4 s), so a call ends within
   * its time with DynamoDB's own error, throttling included, rather than a bare timeout.
   */
  static void bounded(
      software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.Builder override) {
    override
        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
        .apiCallTimeout(CALL_TIMEOUT)
        .retryStrategy(retries -> retries.maxAttempts(MAX_ATTEMPTS));
  }

  /** Returns the table's name. */
  public String table() {
    return table;
  }

  @Override
  public void create(String id, String owner, Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ID, AttributeValue.fromS(id));
    item.put(OWNER, AttributeValue.fromS(owner));
    item.put(EXPIRES_AT, seconds(expiresAt));
    item.put(CREATED_AT, seconds(Instant.now()));
    item.put(VERSION, AttributeValue.fromN("0"));
    item.put(DATA, AttributeValue.fromM(Map.of()));
    String writeId = WriteIds.next();
    List<String> writes = recentWrites.after(id, -1, writeId);
    item.put(RecentWrites.ATTRIBUTE, RecentWrites.attribute(writes));
    try {
      client.putItem(
          request ->
              request
                  .tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(" + ID + ")")
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      recentWrites.applied(id, 0, writes);
    } catch (ConditionalCheckFailedException e) {
      if (ours(e, writeId)) {
        recentWrites.applied(id, 0, writes);
        return; // The SDK retried a put whose first attempt was applied.
      }
      throw new IllegalStateException("Session id collision: the id is already in use");
    } catch (RuntimeException e) {
      throw translate(e, "PutItem");
    }
  }

  @Override
  public Optional<SessionSnapshot> load(String id, Instant now) {
    GetItemResponse response;
    try {
      response =
          client.getItem(request -> request.tableName(table).key(key(id)).consistentRead(true));
    } catch (RuntimeException e) {
      throw translate(e, "GetItem");
    }
    if (!response.hasItem() || response.item().isEmpty() || expired(response.item(), now)) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = response.item();
    recentWrites.saw(id, Long.parseLong(item.get(VERSION).n()), item);
    AttributeValue owner = item.get(OWNER);
    if (owner == null || owner.s() == null) {
      // An item written before sessions had owners belongs to nobody who can prove it: fail closed.
      return Optional.empty();
    }
    AttributeValue data = item.get(DATA);
    JsonNode values = data == null ? null : AttributeValues.toJson(data);
    return Optional.of(
        new SessionSnapshot(
            id,
            owner.s(),
            values instanceof ObjectNode object
                ? object
                : dev.toolsmith.runtime.internal.json.Json.object(),
            Long.parseLong(item.get(VERSION).n()),
            Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n()))));
  }

  @Override
  public WriteOutcome replace(
      String id, long expectedVersion, ObjectNode data, Instant expiresAt, Instant now) {
    String writeId = WriteIds.next();
    List<String> writes = recentWrites.after(id, expectedVersion, writeId);
    Map<String, String> names =
        Map.of(
            "#data",
            DATA,
            "#version",
            VERSION,
            "#expires",
            EXPIRES_AT,
            "#writes",
            RecentWrites.ATTRIBUTE);
    Map<String, AttributeValue> values =
        Map.of(
            ":data", AttributeValues.of(data),
            ":expected", AttributeValue.fromN(Long.toString(expectedVersion)),
            ":next", AttributeValue.fromN(Long.toString(expectedVersion + 1)),
            ":expires", seconds(expiresAt),
            ":now", seconds(now),
            ":writes", RecentWrites.attribute(writes));
    try {
      client.updateItem(
          request ->
              request
                  .tableName(table)
                  .key(key(id))
                  .updateExpression(
                      "SET #data = :data, #version = :next, #expires = :expires, #writes = :writes")
                  .conditionExpression("#version = :expected AND #expires > :now")
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(values)
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      recentWrites.applied(id, expectedVersion + 1, writes);
      return WriteOutcome.WRITTEN;
    } catch (ConditionalCheckFailedException e) {
      if (ours(e, writeId)) {
        // The SDK retried an update whose first attempt was applied and whose answer was lost.
        return WriteOutcome.WRITTEN;
      }
      Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
      return old.isEmpty() || expired(old, now) ? WriteOutcome.GONE : WriteOutcome.CONFLICT;
    } catch (RuntimeException e) {
      throw translate(e, "UpdateItem");
    }
  }

  @Override
  public boolean delete(String id, String owner, Instant now) {
    DeleteItemResponse response;
    try {
      response =
          client.deleteItem(
              request ->
                  request
                      .tableName(table)
                      .key(key(id))
                      .conditionExpression("#owner = :owner")
                      .expressionAttributeNames(Map.of("#owner", OWNER))
                      .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner)))
                      .returnValues(ReturnValue.ALL_OLD));
    } catch (ConditionalCheckFailedException e) {
      // No such session, or another owner's: either way nothing was deleted.
      return false;
    } catch (RuntimeException e) {
      throw translate(e, "DeleteItem");
    }
    return response.hasAttributes()
        && !response.attributes().isEmpty()
        && !expired(response.attributes(), now);
  }

  /** Returns whether the item a condition failed on records this write: it was ours, applied. */
  private static boolean ours(ConditionalCheckFailedException e, String writeId) {
    return e.hasItem() && RecentWrites.holds(e.item(), writeId);
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(ID, AttributeValue.fromS(id));
  }

  private static AttributeValue seconds(Instant instant) {
    return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
  }

  private static boolean expired(Map<String, AttributeValue> item, Instant now) {
    AttributeValue expiresAt = item.get(EXPIRES_AT);
    return expiresAt == null
        || expiresAt.n() == null
        || Long.parseLong(expiresAt.n()) <= now.getEpochSecond();
  }

  private static final java.time.Duration THROTTLED_RETRY = java.time.Duration.ofSeconds(2);
  private static final java.time.Duration UNREACHABLE_RETRY = java.time.Duration.ofSeconds(5);

  /**
   * Returns whether throttling is what failed the call, directly or in an attempt the SDK retried
   * until its time ran out (then the throttling is in the timeout's suppressed attempts).
   */
  private static boolean throttledSomewhere(Throwable e, int depth) {
    if (e == null || depth > 4) {
      return false;
    }
    if (e instanceof DynamoDbException dynamo && throttled(dynamo)) {
      return true;
    }
    for (Throwable attempt : e.getSuppressed()) {
      if (throttledSomewhere(attempt, depth + 1)) {
        return true;
      }
    }
    return e.getCause() != e && throttledSomewhere(e.getCause(), depth + 1);
  }

  private static boolean throttled(DynamoDbException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return e
            instanceof
            software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException
        || e instanceof software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException
        || "ThrottlingException".equals(code)
        || e.isThrottlingException();
  }

  /** Turns what DynamoDB says into what the operator must do. */
  SessionStoreException translate(RuntimeException e, String action) {
    String region =
        client.serviceClientConfiguration().region() == null
            ? "the configured region"
            : "region " + client.serviceClientConfiguration().region().id();
    if (e instanceof ResourceNotFoundException) {
      return new SessionStoreException(
          "The DynamoDB session table '"
              + table
              + "' does not exist in "
              + region
              + ". Create it (hash key session_id of type S, TTL on expires_at) or set MCP_SESSION_TABLE to the table's name.",
          e);
    }
    if (e instanceof DynamoDbException dynamo
        && dynamo.awsErrorDetails() != null
        && ("AccessDeniedException".equals(dynamo.awsErrorDetails().errorCode())
            || dynamo.statusCode() == 403)) {
      return new SessionStoreException(
          "The server's AWS role may not call dynamodb:"
              + action
              + " on the session table '"
              + table
              + "' in "
              + region
              + ". Grant dynamodb:GetItem, dynamodb:PutItem, dynamodb:UpdateItem and "
              + "dynamodb:DeleteItem on that table, as examples/toolbox/template.yaml does.",
          e);
    }
    if (throttledSomewhere(e, 0)) {
      return new SessionStoreException(
          "DynamoDB is throttling the session table '"
              + table
              + "' (dynamodb:"
              + action
              + "), even after retries. Nothing was changed; try again in a few seconds. If it "
              + "lasts, raise the table's capacity or use on-demand billing.",
          e,
          THROTTLED_RETRY);
    }
    if (e instanceof SdkClientException) {
      return new SessionStoreException(
          "Could not call dynamodb:"
              + action
              + " on the session table '"
              + table
              + "' in "
              + region
              + " (it did not answer in time, or the connection failed): "
              + e.getMessage()
              + ". The change may or may not have been applied; try again shortly.",
          e,
          UNREACHABLE_RETRY);
    }
    return new SessionStoreException(
        "dynamodb:" + action + " on the session table '" + table + "' failed: " + e.getMessage(),
        e);
  }

  @Override
  public String toString() {
    return "DynamoDB session store (table " + table + ")";
  }

  /**
   * Random write ids: 96 bits, enough that two writes never share one. Like session ids, they read
   * fresh kernel bytes on each call, so execution environments restored from one SnapStart snapshot
   * do not repeat each other's.
   */
  private static final class WriteIds {
    private static final java.security.SecureRandom RANDOM = source();

    private static java.security.SecureRandom source() {
      try {
        return java.security.SecureRandom.getInstance("NativePRNGNonBlocking");
      } catch (java.security.NoSuchAlgorithmException e) {
        return new java.security.SecureRandom();
      }
    }

    static String next() {
      byte[] bytes = new byte[12];
      RANDOM.nextBytes(bytes);
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
  }
}
