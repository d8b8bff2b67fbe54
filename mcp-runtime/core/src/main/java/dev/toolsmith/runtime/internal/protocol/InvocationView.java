package dev.toolsmith.runtime.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.RequestContext;
import dev.toolsmith.runtime.intercept.InterceptedRequest;
import dev.toolsmith.runtime.intercept.Invocation;
import dev.toolsmith.runtime.internal.json.Json;
import java.util.Optional;

/**
 * An invocation as interceptors see it; it also counts how many interceptors' {@code before} ran,
 * so exactly those get their {@code after}, and keeps what the invocation threw.
 */
final class InvocationView implements Invocation {
  private final Kind kind;
  private final String name;
  private final JsonNode arguments;
  private final CallContext context;
  private final long startNanos = System.nanoTime();
  private final Attachments attachments = new Attachments();
  int entered;
  Throwable failure;
  String errorId;

  InvocationView(Kind kind, String name, JsonNode arguments, CallContext context) {
    this.kind = kind;
    this.name = name;
    this.arguments = arguments == null || arguments.isNull() ? Json.object() : arguments;
    this.context = context;
  }

  @Override
  public Kind kind() {
    return kind;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public JsonNode arguments() {
    return arguments;
  }

  @Override
  public Identity identity() {
    return context.identity();
  }

  @Override
  public String protocolVersion() {
    return context.protocolVersion();
  }

  @Override
  public Optional<InterceptedRequest> request() {
    return Optional.ofNullable(context.intercepted());
  }

  @Override
  public RequestContext context() {
    return context;
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

  /** The request view this invocation serves, or {@code null}. */
  RequestView requestView() {
    return context.intercepted();
  }
}
