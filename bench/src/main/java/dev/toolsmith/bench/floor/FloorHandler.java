package dev.toolsmith.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The floor: the least a JVM handler can do and still answer. It finds the body and the JSON-RPC
 * method with jackson-core's streaming parser and writes canned replies; no protocol, no schema, no
 * tool call. Nothing real can start faster on the same JVM.
 */
public final class FloorHandler implements RequestStreamHandler {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String body = field(JSON.createParser(input), "body");
    String method = field(JSON.createParser(body), "method");
    String id = field(JSON.createParser(body), "id");
    String reply =
        switch (method) {
          case "initialize" ->
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + id
                  + ",\"result\":{\"protocolVersion\":\"2025-11-25\","
                  + "\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"weather\",\"version\":\"1.0.0\"}}}";
          case "server/discover" ->
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + id
                  + ",\"result\":{\"resultType\":\"complete\","
                  + "\"supportedVersions\":[\"2026-07-28\"],\"capabilities\":{\"tools\":{}},"
                  + "\"serverInfo\":{\"name\":\"weather\",\"version\":\"1.0.0\"}}}";
          case "tools/list" ->
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + id
                  + ",\"result\":{\"tools\":[{\"name\":\"get_weather\","
                  + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}]}}";
          default ->
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + id
                  + ",\"result\":{\"content\":[{\"type\":\"text\","
                  + "\"text\":\"The weather in Paris is sunny and 72°F.\"}]}}";
        };
    try (JsonGenerator gen = JSON.createGenerator(output)) {
      gen.writeStartObject();
      gen.writeNumberField("statusCode", 200);
      gen.writeObjectFieldStart("headers");
      gen.writeStringField("Content-Type", "application/json");
      gen.writeEndObject();
      gen.writeStringField("body", reply);
      gen.writeEndObject();
    }
  }

  /** Returns the text of a top-level field, or {@code null}. */
  private static String field(JsonParser parser, String name) throws IOException {
    try (parser) {
      parser.nextToken();
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        boolean wanted = parser.currentName().equals(name);
        JsonToken value = parser.nextToken();
        if (wanted) {
          return value == JsonToken.VALUE_STRING && name.equals("id")
              ? "\"" + parser.getText() + "\""
              : parser.getText();
        }
        parser.skipChildren();
      }
      return null;
    }
  }
}
