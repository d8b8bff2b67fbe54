package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.intercept.InterceptedRequest;
import dev.toolsmith.runtime.intercept.Outcome;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.Optional;

/**
 * A request as interceptors see it. The invocation it serves, if any, records here how it ended, so
 * the request's outcome can say a tool error or an input request, which the reply alone does not.
 */
final class RequestView implements InterceptedRequest {
  private final JsonRpcMessage.Request request;
  private final Exchange exchange;
  private final Era era;
  private final String protocolVersion;
  private final long startNanos = System.nanoTime();
  private final Attachments attachments = new Attachments();
  private Outcome invocation;

  RequestView(JsonRpcMessage.Request request, Exchange exchange, boolean modern) {
    this.request = request;
    this.exchange = exchange;
    this.era = modern ? Era.MODERN : Era.HANDSHAKE;
    this.protocolVersion = modern ? modernVersion(request) : legacyVersion(request, exchange);
  }

  private static String modernVersion(JsonRpcMessage.Request request) {
    JsonNode meta = request.param("_meta");
    JsonNode version = meta == null ? null : meta.get(McpEngine.META_PROTOCOL_VERSION);
    return version != null && version.isTextual() ? version.textValue() : null;
  }

  private static String legacyVersion(JsonRpcMessage.Request request, Exchange exchange) {
    if ("initialize".equals(request.method())) {
      JsonNode requested = request.param("protocolVersion");
      return requested != null && requested.isTextual() ? requested.textValue() : null;
    }
    String negotiated = exchange.negotiatedVersion();
    return negotiated != null ? negotiated.trim() : ProtocolVersions.ASSUMED_WITHOUT_HEADER;
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public Optional<String> name() {
    String member;
    switch (request.method()) {
      case "tools/call":
      case "prompts/get":
        member = "name";
        break;
      case "resources/read":
      case "resources/subscribe":
      case "resources/unsubscribe":
        member = "uri";
        break;
      default:
        return Optional.empty();
    }
    JsonNode name = request.param(member);
    return name != null && name.isTextual() ? Optional.of(name.textValue()) : Optional.empty();
  }

  @Override
  public JsonNode id() {
    return request.id();
  }

  @Override
  public JsonNode params() {
    return request.params() == null ? Json.object() : request.params();
  }

  @Override
  public Era era() {
    return era;
  }

  @Override
  public Optional<String> protocolVersion() {
    return Optional.ofNullable(protocolVersion);
  }

  @Override
  public Identity identity() {
    return exchange.identity();
  }

  @Override
  public <T> Optional<T> transportAttribute(Class<T> type) {
    return exchange.attributes().get(type);
  }

  @Override
  public long startNanos() {
    return startNanos;
  }

  @Override
  public <T> void attach(Class<T> type, T value) {
    attachments.attach(type, value);
  }

  @Override
  public <T> Optional<T> attached(Class<T> type) {
    return attachments.attached(type);
  }

  /** Records how the invocation this request served ended. */
  void invoked(Outcome outcome) {
    invocation = outcome;
  }

  /** Returns how the invocation this request served ended, or {@code null} when it had none. */
  Outcome invocation() {
    return invocation;
  }
}
