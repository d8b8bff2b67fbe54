package dev.toolsmith.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signed requestState of multi-round-trip requests: round trip, expiry, keys, binding. */
class RequestStatesTest {
  private static final byte[] KEY =
      "an-example-key-of-32-bytes-or-more!".getBytes(StandardCharsets.UTF_8);
  private final RequestStates states = new RequestStates(KEY, Duration.ofMinutes(10));
  private final Instant now = Instant.parse("2026-11-21T12:00:00Z");

  @Test
  void signedState_verifies_andCarriesAnswersAndValues() {
    ObjectNode answers = Json.object();
    answers.putObject("user_name").put("action", "accept");
    ObjectNode values = Json.object().put("step", 2);
    String state = states.sign("tools/call", "greet", answers, values, now);
    ObjectNode payload = states.verify(state, "tools/call", "greet", now.plusSeconds(599));
    assertThat(payload.path("a")).isEqualTo(answers);
    assertThat(payload.path("s")).isEqualTo(values);
  }

  @Test
  void expiredState_isMinus32602() {
    String state = states.sign("tools/call", "greet", Json.object(), Json.object(), now);
    assertThatThrownBy(() -> states.verify(state, "tools/call", "greet", now.plusSeconds(600)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("has expired")
        .extracting(e -> ((ProtocolException) e).code())
        .isEqualTo(-32602);
  }

  @Test
  void stateSignedWithAnotherKey_failsItsIntegrityCheck() {
    RequestStates other =
        new RequestStates(
            "another-example-key-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8),
            Duration.ofMinutes(10));
    String state = other.sign("tools/call", "greet", Json.object(), Json.object(), now);
    assertThatThrownBy(() -> states.verify(state, "tools/call", "greet", now))
        .hasMessageContaining("integrity check");
    assertThatThrownBy(() -> states.verify("not-a-state", "tools/call", "greet", now))
        .hasMessageContaining("integrity check");
  }

  @Test
  void stateIsBoundToItsMethodAndName() {
    String state = states.sign("prompts/get", "summary", Json.object(), Json.object(), now);
    assertThatThrownBy(() -> states.verify(state, "tools/call", "summary", now))
        .hasMessageContaining("was issued for prompts/get");
  }

  @Test
  void shortKeys_areRefused() {
    assertThatThrownBy(() -> new RequestStates(new byte[16], Duration.ofMinutes(1)))
        .hasMessageContaining("at least 32 bytes");
  }
}
