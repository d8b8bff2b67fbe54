package dev.toolsmith.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.session.dynamodb.DynamoDbSessionStore;
import dev.toolsmith.runtime.testing.DynamoDbLocal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sessions with sealed ids on DynamoDB Local: started without a write, found by their seal until
 * their first write creates them, and never brought back once ended. Two {@link Sessions} over two
 * clients of one table stand for two Lambda execution environments.
 */
class SealedSessionsTest {
  private static final String TABLE = "sealed_sessions";
  private static final Duration TTL = Duration.ofHours(1);
  private static final String ALICE = "id:0:alice";
  private static final String MALLORY = "id:0:mallory";

  private static DynamoDbLocal dynamo;
  private final AtomicReference<Instant> now = new AtomicReference<>();
  private Sessions here;
  private Sessions there;

  @BeforeAll
  static void start() throws Exception {
    dynamo = DynamoDbLocal.start();
    dynamo.createSessionTable(TABLE);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @BeforeEach
  void twoEnvironments() {
    now.set(Instant.now());
    here = sessions(key('k'));
    there = sessions(key('k'));
  }

  private Sessions sessions(byte[] key) {
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now.get();
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    return new Sessions(new DynamoDbSessionStore(dynamo.client(), TABLE), TTL, key, clock);
  }

  private static byte[] key(char fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  private static Optional<Map<String, AttributeValue>> item(String id) {
    Map<String, AttributeValue> item =
        dynamo
            .client()
            .getItem(
                get ->
                    get.tableName(TABLE)
                        .key(Map.of("session_id", AttributeValue.fromS(id)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  @Test
  void start_writesNothing_andAnyEnvironmentWithTheKeyFindsTheSession() {
    Session session = here.start(ALICE);

    assertThat(session.id()).hasSize(54);
    assertThat(item(session.id())).as("item after start").isEmpty();
    Session found = there.find(session.id(), ALICE).orElseThrow();
    assertThat(found.get("anything")).isEmpty();
    assertThat(item(session.id())).as("item after a read").isEmpty();
  }

  @Test
  void theFirstWrite_createsTheItem_withTheOwner() {
    Session session = here.start(ALICE);

    session.put("count", 1);

    Map<String, AttributeValue> item = item(session.id()).orElseThrow();
    assertThat(item.get("owner").s()).isEqualTo(ALICE);
    assertThat(item.get("data").m()).containsKey("count");
    assertThat(there.find(session.id(), ALICE).orElseThrow().get("count", 0)).isEqualTo(1);
  }

  @Test
  void anotherOwner_aTamperedId_orAnotherKey_findNothing() {
    String id = here.start(ALICE).id();
    char last = id.charAt(20);
    String tampered = id.substring(0, 20) + (last == 'A' ? 'B' : 'A') + id.substring(21);

    assertThat(there.find(id, MALLORY)).isEmpty();
    assertThat(there.find(tampered, ALICE)).isEmpty();
    assertThat(sessions(key('x')).find(id, ALICE)).isEmpty();
    assertThat(there.end(id, MALLORY)).isFalse();
    assertThat(there.find(id, ALICE)).isPresent();
  }

  @Test
  void anEndedSession_staysEnded_writtenOrNot() {
    String unwritten = here.start(ALICE).id();
    Session written = here.start(ALICE);
    written.put("count", 1);

    assertThat(there.end(unwritten, ALICE)).isTrue();
    assertThat(there.end(written.id(), ALICE)).isTrue();

    assertThat(here.find(unwritten, ALICE)).isEmpty();
    assertThat(here.find(written.id(), ALICE)).isEmpty();
    assertThat(here.end(unwritten, ALICE)).as("ending it twice").isFalse();
    assertThat(item(unwritten).orElseThrow().get("owner").s()).isEqualTo("ended");
  }

  @Test
  void aCallStillHoldingAnEndedSession_cannotWriteItBack() {
    Session held = here.find(here.start(ALICE).id(), ALICE).orElseThrow();
    there.end(held.id(), ALICE);

    assertThatThrownBy(() -> held.put("count", 1)).isInstanceOf(SessionExpiredException.class);
    assertThat(item(held.id()).orElseThrow().get("owner").s()).isEqualTo("ended");
  }

  @Test
  void twoCallsRacingToTheFirstWrite_loseNothing() {
    String id = here.start(ALICE).id();
    Session one = here.find(id, ALICE).orElseThrow();
    Session two = there.find(id, ALICE).orElseThrow();

    one.put("a", 1);
    two.put("b", 2);

    Session after = here.find(id, ALICE).orElseThrow();
    assertThat(after.get("a", 0)).isEqualTo(1);
    assertThat(after.get("b", 0)).isEqualTo(2);
  }

  @Test
  void aSealPastItsExpiry_namesNoSession() {
    String id = here.start(ALICE).id();

    now.set(now.get().plus(TTL).plusSeconds(1));

    assertThat(there.find(id, ALICE)).isEmpty();
    assertThat(there.end(id, ALICE)).isFalse();
  }

  @Test
  void pastHalfItsLife_aReadWritesTheSession_soItLivesOn() {
    String id = here.start(ALICE).id();

    now.set(now.get().plus(TTL.multipliedBy(3).dividedBy(4)));
    assertThat(there.find(id, ALICE)).isPresent();
    assertThat(item(id)).as("item after a late read").isPresent();

    now.set(now.get().plus(TTL.dividedBy(2)));
    assertThat(here.find(id, ALICE)).as("past the seal, before the written expiry").isPresent();
  }

  @Test
  void withoutAKey_orOnAStoreThatWritesAtOnce_idsArePlainAndWritten() {
    Sessions unsealed = new Sessions(new DynamoDbSessionStore(dynamo.client(), TABLE), TTL);
    Session plain = unsealed.start(ALICE);
    assertThat(plain.id()).hasSize(43);
    assertThat(item(plain.id())).isPresent();

    Sessions inMemory = new Sessions(SessionStore.inMemory(), TTL, key('k'));
    assertThat(inMemory.start(ALICE).id()).hasSize(43);
    assertThatThrownBy(() -> new Sessions(SessionStore.inMemory(), TTL, new byte[8]))
        .as("a short key, even where it would not be used")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void afterTheKeyChanges_writtenSessionsLiveOn_andCanBeEnded_unwrittenOnesAreGone() {
    Session written = here.start(ALICE);
    written.put("count", 1);
    String unwritten = here.start(ALICE).id();

    Sessions rekeyed = sessions(key('n'));

    assertThat(rekeyed.find(unwritten, ALICE)).isEmpty();
    assertThat(rekeyed.find(written.id(), ALICE).orElseThrow().get("count", 0)).isEqualTo(1);
    assertThat(rekeyed.end(written.id(), MALLORY)).isFalse();
    assertThat(rekeyed.end(written.id(), ALICE)).isTrue();
    assertThat(rekeyed.find(written.id(), ALICE)).isEmpty();
  }

  @Test
  void sessionsThatWereWrittenBeforeTheKey_stillWork() {
    Sessions unsealed = new Sessions(new DynamoDbSessionStore(dynamo.client(), TABLE), TTL);
    String id = unsealed.start(ALICE).id();

    assertThat(here.find(id, ALICE)).isPresent();
    assertThat(here.end(id, ALICE)).isTrue();
    assertThat(here.find(id, ALICE)).isEmpty();
  }

  @Test
  void theKeyVariable_isCheckedWithTheFix() {
    assertThat(SessionKeys.parse(null)).isNull();
    assertThat(SessionKeys.parse(" ")).isNull();
    String generated = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG=";
    assertThat(SessionKeys.parse(" " + generated + "\n"))
        .isEqualTo(generated.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> SessionKeys.parse("too short"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MCP_SESSION_KEY holds 9 bytes")
        .hasMessageContaining("at least 32")
        .hasMessageContaining("openssl rand -base64 32");
  }
}
