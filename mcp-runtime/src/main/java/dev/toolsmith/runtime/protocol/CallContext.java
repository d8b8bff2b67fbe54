package dev.toolsmith.runtime.protocol;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.RequestContext;
import dev.toolsmith.runtime.auth.Identity;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.json.Json;
import java.io.IOException;
import java.util.Optional;

/** The {@link RequestContext} of one request the engine is serving. */
final class CallContext implements RequestContext {
  private final JsonNode requestId;
  private final String protocolVersion;
  private final Headers headers;
  private final Context lambdaContext;
  private final JsonNode clientCapabilities;
  private final JsonNode progressToken;
  private final NotificationSink sink;
  private final Identity identity;

  CallContext(
      JsonNode requestId,
      String protocolVersion,
      Headers headers,
      Context lambdaContext,
      JsonNode clientCapabilities,
      JsonNode progressToken,
      NotificationSink sink,
      Identity identity) {
    this.requestId = requestId;
    this.protocolVersion = protocolVersion;
    this.headers = headers;
    this.lambdaContext = lambdaContext;
    this.clientCapabilities = clientCapabilities;
    this.progressToken = progressToken;
    this.sink = sink;
    this.identity = identity;
  }

  @Override
  public Identity identity() {
    return identity;
  }

  @Override
  public String requestId() {
    return requestId == null ? "" : requestId.asText();
  }

  @Override
  public String protocolVersion() {
    return protocolVersion;
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.first(name));
  }

  @Override
  public Context lambdaContext() {
    return lambdaContext;
  }

  @Override
  public boolean hasClientCapability(String name) {
    return clientCapabilities != null && clientCapabilities.has(name);
  }

  @Override
  public void requireClientCapability(String name) {
    if (!hasClientCapability(name)) {
      throw new ProtocolException(ProtocolException.MISSING_REQUIRED_CLIENT_CAPABILITY, 400,
          "This request needs the client capability '" + name + "', which the client did not declare in "
              + "_meta[\"io.modelcontextprotocol/clientCapabilities\"]. Declare it, or do not call this tool.",
          Json.object().set("requiredCapabilities", Json.object().set(name, Json.object())));
    }
  }

  @Override
  public void progress(double progress, double total, String message) {
    if (progressToken == null) {
      return;
    }
    sink.send(Json.write(gen -> {
      gen.writeStartObject();
      gen.writeStringField("jsonrpc", "2.0");
      gen.writeStringField("method", "notifications/progress");
      gen.writeObjectFieldStart("params");
      gen.writeFieldName("progressToken");
      Json.write(gen, progressToken);
      writeNumber(gen, "progress", progress);
      if (total >= 0) {
        writeNumber(gen, "total", total);
      }
      if (message != null) {
        gen.writeStringField("message", message);
      }
      gen.writeEndObject();
      gen.writeEndObject();
    }));
  }

  private static void writeNumber(JsonGenerator gen, String name, double value) throws IOException {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      gen.writeNumberField(name, (long) value);
    } else {
      gen.writeNumberField(name, value);
    }
  }
}
