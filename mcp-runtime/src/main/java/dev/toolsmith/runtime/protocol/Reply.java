package dev.toolsmith.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.json.Json;

/**
 * The engine's answer to one message: a complete JSON-RPC response and the HTTP status it travels
 * with, or nothing for a notification.
 *
 * @param status the HTTP status: 200 for results, the error's status for errors, 202 when accepted
 * @param json the JSON-RPC response as compact text, or {@code null} when there is none
 */
public record Reply(int status, String json) {
  static final Reply ACCEPTED = new Reply(202, null);

  /** Returns whether this acknowledges a notification or response, with no JSON-RPC reply. */
  public boolean accepted() {
    return json == null;
  }

  /** Returns a successful response whose result object has the fields the body writes. */
  static Reply result(JsonNode id, ResultWriter.Body body) {
    return new Reply(200, Json.write(gen -> {
      gen.writeStartObject();
      gen.writeStringField("jsonrpc", "2.0");
      gen.writeFieldName("id");
      Json.write(gen, id);
      gen.writeObjectFieldStart("result");
      body.writeTo(gen);
      gen.writeEndObject();
      gen.writeEndObject();
    }));
  }

  /**
   * Returns an error response.
   *
   * @param id the request's id, or {@code null} when it could not be read (written as JSON null)
   */
  public static Reply error(JsonNode id, ProtocolException error) {
    return new Reply(error.httpStatus(), Json.write(gen -> {
      gen.writeStartObject();
      gen.writeStringField("jsonrpc", "2.0");
      gen.writeFieldName("id");
      if (id == null) {
        gen.writeNull();
      } else {
        Json.write(gen, id);
      }
      gen.writeObjectFieldStart("error");
      gen.writeNumberField("code", error.code());
      gen.writeStringField("message", error.getMessage());
      if (error.data() != null) {
        gen.writeFieldName("data");
        Json.write(gen, error.data());
      }
      gen.writeEndObject();
      gen.writeEndObject();
    }));
  }
}
