package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the {@code requestState} of multi-round-trip requests. The client holds the
 * state between rounds, so it is attacker-controlled: it is HMAC-SHA256-signed with the server's
 * key, expires, and is bound to the method and the tool, prompt or URI it was issued for.
 *
 * <p>A state is {@code base64url(payload) "." base64url(hmac)}, where the payload is a JSON object
 * of the method ({@code m}), name ({@code n}), expiry in epoch seconds ({@code exp}), the answers
 * of earlier rounds ({@code a}) and the values the method stored ({@code s}).
 */
public final class RequestStates {
  /** The variable holding the key every instance of a server must share. */
  public static final String KEY_VARIABLE = "MCP_REQUEST_STATE_KEY";

  private static final String ALGORITHM = "HmacSHA256";

  private SecretKeySpec key;
  private final Duration ttl;

  /**
   * Returns states signed with a key.
   *
   * @param key at least 32 bytes, the same on every instance that may receive a retry
   * @param ttl how long a client has to answer before the state expires
   */
  public RequestStates(byte[] key, Duration ttl) {
    if (key.length < 32) {
      throw new IllegalArgumentException(
          "The request-state key needs at least 32 bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  /**
   * Returns states keyed by {@code MCP_REQUEST_STATE_KEY}, or, without it, by a random key of this
   * process: enough for one local server, not for several instances behind a load balancer (a retry
   * reaching another instance would fail its integrity check).
   */
  public static RequestStates fromEnvironment(Duration ttl) {
    String configured = System.getenv(KEY_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return new RequestStates(configured.trim().getBytes(StandardCharsets.UTF_8), ttl);
    }
    return new RequestStates(ttl);
  }

  /**
   * States with a random key, made on first use so servers that never sign one pay nothing at
   * start.
   */
  private RequestStates(Duration ttl) {
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  private synchronized SecretKeySpec key() {
    if (key == null) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      key = new SecretKeySpec(random, ALGORITHM);
    }
    return key;
  }

  /** Returns a signed state carrying the answers so far and the method's stored values. */
  String sign(String method, String name, ObjectNode answers, ObjectNode values, Instant now) {
    ObjectNode payload = Json.object();
    payload.put("m", method);
    payload.put("n", name);
    payload.put("exp", now.plus(ttl).getEpochSecond());
    payload.set("a", answers);
    payload.set("s", values);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.toBytes(payload));
    return encoded + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(encoded));
  }

  /**
   * Returns the payload of a state this server issued for this method and name.
   *
   * @throws ProtocolException -32602 when it was tampered with, is for another request, or expired
   */
  ObjectNode verify(String state, String method, String name, Instant now) {
    int dot = state.indexOf('.');
    ObjectNode payload = null;
    if (dot > 0) {
      String encoded = state.substring(0, dot);
      byte[] signature = decode(state.substring(dot + 1));
      if (signature != null && MessageDigest.isEqual(signature, mac(encoded))) {
        byte[] json = decode(encoded);
        payload = json == null ? null : parse(json);
      }
    }
    if (payload == null) {
      throw ProtocolException.invalidParams(
          "\"params.requestState\" failed its integrity check: it was changed, or was "
              + "not issued by this server. Send the requestState of the previous result unchanged, or call again without "
              + "inputResponses and requestState to start over.");
    }
    if (!method.equals(payload.path("m").asText()) || !name.equals(payload.path("n").asText())) {
      throw ProtocolException.invalidParams(
          "\"params.requestState\" was issued for "
              + payload.path("m").asText()
              + " '"
              + payload.path("n").asText()
              + "', not for "
              + method
              + " '"
              + name
              + "'. Send each requestState back with the "
              + "request it came from.");
    }
    if (payload.path("exp").asLong() <= now.getEpochSecond()) {
      throw ProtocolException.invalidParams(
          "\"params.requestState\" has expired. Call again without inputResponses and "
              + "requestState to start over.");
    }
    return payload;
  }

  private byte[] mac(String encoded) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key());
      return mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
    }
  }

  private static byte[] decode(String base64url) {
    try {
      return Base64.getUrlDecoder().decode(base64url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ObjectNode parse(byte[] json) {
    try {
      JsonNode node = Json.parse(json);
      return node instanceof ObjectNode object ? object : null;
    } catch (IOException e) {
      return null;
    }
  }
}
