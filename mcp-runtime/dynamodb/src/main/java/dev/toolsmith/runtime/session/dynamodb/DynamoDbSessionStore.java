package dev.toolsmith.runtime.session.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.lifecycle.Lifespan;
import dev.toolsmith.runtime.lifecycle.ManagedResource;
import dev.toolsmith.runtime.session.SessionSnapshot;
import dev.toolsmith.runtime.session.SessionStore;
import dev.toolsmith.runtime.session.SessionStoreException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
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
public final class DynamoDbSessionStore implements SessionStore, ManagedResource {
  static final String ID = "session_id";
  static final String OWNER = "owner";
  static final String EXPIRES_AT = "expires_at";
  static final String CREATED_AT = "created_at";
  static final String VERSION = "version";
  static final String DATA = "data";

  /**
   * The owner of the marker a sealed session leaves when it ends. Owners the runtime names are
   * {@code anonymous} or start with {@code id:}, so no caller is this one.
   */
  static final String ENDED = "ended";

  /** The key the priming call reads: no session has it, since minted ids are Base64url. */
  private static final String PRIMING_ID = "toolsmith priming";

  private final LazyClient client;

  /** The HTTP client of a store made from the environment, which can prime offline; else null. */
  private final PrimableHttpClient http;

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
    this(LazyClient.of(Objects.requireNonNull(client, "client")), null, table);
  }

  private DynamoDbSessionStore(LazyClient client, PrimableHttpClient http, String table) {
    this.client = client;
    this.http = http;
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
   *
   * <p>The client is built on first use, so requests that need no session never wait for the AWS
   * SDK, except while Lambda creates a SnapStart snapshot ({@code
   * AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}): then it is built at once, and {@link
   * #beforeCheckpoint()} runs its first call, so the snapshot holds both. Connections are the
   * JDK's, which set up TLS on the first https connection rather than when the client is built;
   * proxies come from the JDK's {@code https.proxyHost} settings (pass your own client to the
   * constructor for the SDK's proxy configuration).
   */
  public static SessionStore fromEnvironment(String table) {
    return fromEnvironment(table, System.getenv());
  }

  /** Returns a store as {@link #fromEnvironment(String)} does, reading the given environment. */
  static DynamoDbSessionStore fromEnvironment(String table, Map<String, String> environment) {
    PrimableHttpClient http = EnvironmentClient.http();
    boolean snapshotting = Lifespan.snapshotting(environment);
    Optional<java.net.URI> endpoint = EnvironmentClient.endpoint(environment);
    return new DynamoDbSessionStore(
        LazyClient.building(
            () -> EnvironmentClient.build(environment, endpoint, http), snapshotting),
        http,
        table);
  }

  /** Returns the table's name. */
  public String table() {
    return table;
  }

  @Override
  public void create(String id, String owner, Instant expiresAt) {
    Map<String, AttributeValue> item = emptyItem(id, owner, expiresAt, Instant.now());
    String writeId = WriteIds.next();
    List<String> writes = recentWrites.after(id, -1, writeId);
    item.put(RecentWrites.ATTRIBUTE, RecentWrites.attribute(writes));
    DynamoDbClient dynamo = client.get();
    try {
      dynamo.putItem(
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
    DynamoDbClient dynamo = client.get();
    GetItemResponse response;
    try {
      response =
          dynamo.getItem(request -> request.tableName(table).key(key(id)).consistentRead(true));
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
    DynamoDbClient dynamo = client.get();
    try {
      dynamo.updateItem(
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
    DynamoDbClient dynamo = client.get();
    DeleteItemResponse response;
    try {
      response =
          dynamo.deleteItem(
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

  /**
   * Yes: with a session key, sessions start without a {@code PutItem}, which keeps DynamoDB (the
   * AWS SDK's client and its first call) off the response to {@code initialize}.
   */
  @Override
  public boolean defersCreation() {
    return true;
  }

  @Override
  public boolean endSealed(String id, String owner, Instant until, Instant now) {
    Map<String, AttributeValue> marker = emptyItem(id, ENDED, until, now);
    DynamoDbClient dynamo = client.get();
    try {
      dynamo.putItem(
          request ->
              request
                  .tableName(table)
                  .item(marker)
                  .conditionExpression(
                      "attribute_not_exists(" + ID + ") OR #owner = :owner OR #expires <= :now")
                  .expressionAttributeNames(Map.of("#owner", OWNER, "#expires", EXPIRES_AT))
                  .expressionAttributeValues(
                      Map.of(":owner", AttributeValue.fromS(owner), ":now", seconds(now))));
    } catch (ConditionalCheckFailedException e) {
      // Another owner's live session, or the marker of one already ended: nothing was changed.
      return false;
    } catch (RuntimeException e) {
      throw translate(e, "PutItem");
    }
    // No item (the session was never written), the owner's own, or an expired one, which a read
    // would have taken for no item: in each case the seal named a live session, now ended.
    return true;
  }

  /** Returns whether the item a condition failed on records this write: it was ours, applied. */
  private static boolean ours(ConditionalCheckFailedException e, String writeId) {
    return e.hasItem() && RecentWrites.holds(e.item(), writeId);
  }

  /** Returns a session's item at version 0 with no values, as a new session's or a marker's. */
  private static Map<String, AttributeValue> emptyItem(
      String id, String owner, Instant expiresAt, Instant createdAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ID, AttributeValue.fromS(id));
    item.put(OWNER, AttributeValue.fromS(owner));
    item.put(EXPIRES_AT, seconds(expiresAt));
    item.put(CREATED_AT, seconds(createdAt));
    item.put(VERSION, AttributeValue.fromN("0"));
    item.put(DATA, AttributeValue.fromM(Map.of()));
    return item;
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

  /** Turns what DynamoDB says into what the operator must do. */
  SessionStoreException translate(RuntimeException e, String action) {
    return StoreErrors.translate(
        e, action, table, client.get().serviceClientConfiguration().region());
  }

  /**
   * Primes the store before a SnapStart snapshot: one {@code GetItem}, for a key no session has,
   * through the whole SDK request path but answered without the network, so the snapshot holds a
   * client that has made its first call and no socket. Only a store made by {@link
   * #fromEnvironment(String)} primes; a caller's client is the caller's to prime.
   */
  @Override
  public void beforeCheckpoint() {
    if (http != null) {
      http.offline(() -> load(PRIMING_ID, Instant.now()));
    }
  }

  /** Closes the client if this store built it. */
  @Override
  public void close() {
    client.close();
  }

  /** Returns whether the DynamoDB client exists yet; for tests of when it is built. */
  boolean clientBuilt() {
    return client.built();
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
