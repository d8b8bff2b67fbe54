package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.internal.json.ExactBytes;
import dev.toolsmith.runtime.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The engine's answer to one message: a complete JSON-RPC response as UTF-8 bytes, written once, or
 * nothing for a notification.
 *
 * @param failure the refusal the response reports, for transports that answer refusals their own
 *     way (or, outside JSON-RPC, rethrow it); {@code null} for a result or an accepted notification
 * @param json the JSON-RPC response as compact UTF-8 JSON, or {@code null} when there is none
 * @param sessionId the session a handshake-era {@code initialize} started, for the transport to
 *     return (HTTP: {@code Mcp-Session-Id}); {@code null} otherwise
 */
public record Reply(ProtocolException failure, byte[] json, String sessionId) {
  static final Reply ACCEPTED = new Reply(null, null, null);

  /** Returns this reply with the session an {@code initialize} started. */
  Reply withSession(String id) {
    return new Reply(failure, json, id);
  }

  /** Returns whether this acknowledges a notification or response, with no JSON-RPC reply. */
  public boolean accepted() {
    return json == null;
  }

  /** Returns what kind of refusal the response is, or {@code null} when it is none. */
  public ErrorKind error() {
    return failure == null ? null : failure.kind();
  }

  /**
   * Returns the scopes, space-separated, a {@link ErrorKind#FORBIDDEN} refusal needs the caller to
   * be granted, for the transport's challenge; {@code null} for any other reply.
   */
  public String insufficientScope() {
    return failure instanceof InsufficientScopeException scopes
        ? String.join(" ", scopes.requiredScopes())
        : null;
  }

  /**
   * Returns a successful response.
   *
   * @param revision how the request's protocol revision writes results: with {@code resultType} and
   *     the server's info in {@code _meta} from 2026-07-28 on
   * @param resultOnly whether to write the bare result object instead of a JSON-RPC response
   */
  static Reply result(
      JsonNode id, Result result, WireRevision revision, ServerInfo info, boolean resultOnly) {
    ExactBytes out = new ExactBytes();
    boolean discriminated = revision.discriminatesResults();
    try (JsonGenerator gen = Json.utf8Generator(out)) {
      if (resultOnly) {
        gen.writeStartObject();
      } else {
        startResponse(gen, id);
        gen.writeObjectFieldStart("result");
      }
      if (discriminated) {
        gen.writeStringField("resultType", result.resultType());
      }
      result.writeFields(gen, revision);
      if (discriminated || result.hasMeta()) {
        gen.writeObjectFieldStart("_meta");
        if (discriminated) {
          Result.writeServerInfo(gen, McpEngine.META_SERVER_INFO, info);
        }
        result.writeMetaFields(gen);
        gen.writeEndObject();
      }
      gen.writeEndObject();
      if (!resultOnly) {
        gen.writeEndObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Reply(null, out.toByteArray(), null);
  }

  /**
   * Returns an error response.
   *
   * @param id the request's id, or {@code null} when it could not be read (written as JSON null)
   */
  public static Reply error(JsonNode id, ProtocolException error) {
    ExactBytes out = new ExactBytes();
    try (JsonGenerator gen = Json.utf8Generator(out)) {
      startResponse(gen, id);
      gen.writeObjectFieldStart("error");
      gen.writeNumberField("code", error.code());
      gen.writeStringField("message", error.getMessage());
      if (error.data() != null) {
        gen.writeFieldName("data");
        Json.write(gen, error.data());
      }
      gen.writeEndObject();
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Reply(error, out.toByteArray(), null);
  }

  private static void startResponse(JsonGenerator gen, JsonNode id) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("jsonrpc", "2.0");
    gen.writeFieldName("id");
    if (id == null) {
      gen.writeNull();
    } else {
      Json.write(gen, id);
    }
  }
}
