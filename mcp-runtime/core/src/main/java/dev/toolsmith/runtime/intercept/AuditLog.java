package dev.toolsmith.runtime.intercept;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes one JSON line for every tool, prompt and resource invocation: when, who, what, how it
 * ended and how long it took. Arguments are left out unless {@linkplain #withArguments() asked
 * for}, since they may hold what the caller would not want kept; tokens never appear.
 *
 * <pre>{@code
 * {"timestamp":"2026-12-02T09:30:00.123Z","subject":"alice","kind":"tool","name":"get_weather",
 *  "protocolVersion":"2026-07-28","outcome":"ok","durationMs":3.2}
 * }</pre>
 *
 * <p>Add it first, so it also records what later interceptors (rate limits, guardrails) refused.
 */
public final class AuditLog implements Interceptor {
  private static final JsonFactory JSON = new JsonFactory();

  private final Consumer<String> sink;
  private final boolean arguments;

  private AuditLog(Consumer<String> sink, boolean arguments) {
    this.sink = sink;
    this.arguments = arguments;
  }

  /** Returns an audit log written to the {@code dev.toolsmith.audit} logger at {@code INFO}. */
  public static AuditLog toLogger() {
    System.Logger logger = System.getLogger("dev.toolsmith.audit");
    return new AuditLog(line -> logger.log(System.Logger.Level.INFO, line), false);
  }

  /** Returns an audit log that hands each line to {@code sink} (a file, a queue, a test). */
  public static AuditLog to(Consumer<String> sink) {
    return new AuditLog(Objects.requireNonNull(sink, "sink"), false);
  }

  /** Returns this audit log with each invocation's arguments in its line, as {@code arguments}. */
  public AuditLog withArguments() {
    return new AuditLog(sink, true);
  }

  @Override
  public void afterInvocation(Invocation invocation, InvocationOutcome outcome) {
    sink.accept(line(invocation, outcome));
  }

  private String line(Invocation invocation, InvocationOutcome outcome) {
    StringWriter out = new StringWriter(160);
    try (JsonGenerator gen = JSON.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("timestamp", Instant.now().toString());
      gen.writeStringField("subject", invocation.identity().subject());
      gen.writeStringField("kind", invocation.kind().name().toLowerCase());
      gen.writeStringField("name", invocation.name());
      gen.writeStringField("protocolVersion", invocation.protocolVersion());
      gen.writeStringField("outcome", outcome.status().name().toLowerCase());
      gen.writeNumberField("durationMs", Math.round(outcome.durationNanos() / 1e4) / 100.0);
      if (outcome.errorCode().isPresent()) {
        gen.writeNumberField("errorCode", outcome.errorCode().getAsInt());
      }
      if (outcome.errorId().isPresent()) {
        gen.writeStringField("errorId", outcome.errorId().get());
      }
      if (arguments) {
        gen.writeFieldName("arguments");
        gen.writeRawValue(invocation.arguments().toString());
      }
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "AuditLog" + (arguments ? "(with arguments)" : "");
  }
}
