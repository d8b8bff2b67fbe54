package dev.toolsmith.runtime.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.intercept.InterceptedRequest;
import dev.toolsmith.runtime.intercept.Outcome;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.lambda.LambdaInvocation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.slf4j.event.Level;

/** Writes a request's line, as JSON or as text. */
final class LineWriter {
  private static final JsonFactory JSON = new JsonFactory();

  /** Error text a client was told is cut here: a line is not the place for a whole document. */
  static final int MAX_ERROR_CHARS = 300;

  private final RequestLog.Format format;
  private final String service;
  private final boolean arguments;

  LineWriter(RequestLog.Format format, String service, boolean arguments) {
    this.format = format;
    this.service = service;
    this.arguments = arguments;
  }

  String line(Level level, InterceptedRequest request, Outcome outcome) {
    String message = message(request, outcome);
    return format == RequestLog.Format.TEXT
        ? text(message, request, outcome)
        : json(level, message, request, outcome);
  }

  /** {@code tools/call get_weather ok in 3.2 ms}: what Powertools puts in {@code message}. */
  private static String message(InterceptedRequest request, Outcome outcome) {
    StringBuilder text = new StringBuilder(64).append(request.method());
    request.name().ifPresent(name -> text.append(' ').append(name));
    text.append(' ')
        .append(outcomeName(outcome))
        .append(" in ")
        .append(millis(outcome))
        .append(" ms");
    return text.toString();
  }

  private String text(String message, InterceptedRequest request, Outcome outcome) {
    StringBuilder text = new StringBuilder(message);
    text.append(" (").append(request.identity().subject());
    request.protocolVersion().ifPresent(version -> text.append(", ").append(version));
    text.append(')');
    if (outcome.errorCode().isPresent()) {
      text.append(" error ").append(outcome.errorCode().getAsInt());
    }
    outcome.errorMessage().ifPresent(error -> text.append(": ").append(cut(error)));
    outcome.errorId().ifPresent(id -> text.append(" [error id ").append(id).append(']'));
    JsonNode args = arguments ? request.params().get("arguments") : null;
    if (args != null) {
      text.append(" arguments=").append(args);
    }
    return text.toString();
  }

  private String json(Level level, String message, InterceptedRequest request, Outcome outcome) {
    StringWriter out = new StringWriter(384);
    try (JsonGenerator gen = JSON.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("level", level.name());
      gen.writeStringField("message", message);
      gen.writeStringField("timestamp", timestamp(System.currentTimeMillis()));
      gen.writeStringField("service", service);
      LambdaInvocation lambda = LambdaFacts.of(request);
      if (lambda != null) {
        LambdaFacts.write(gen, lambda);
      }
      gen.writeStringField("mcp_method", request.method());
      if (request.name().isPresent()) {
        gen.writeStringField("mcp_name", request.name().get());
      }
      gen.writeStringField("mcp_era", request.era().name().toLowerCase(Locale.ROOT));
      if (request.protocolVersion().isPresent()) {
        gen.writeStringField("mcp_protocol_version", request.protocolVersion().get());
      }
      String session = sessionId(request);
      if (session != null) {
        gen.writeStringField("mcp_session_id", session);
      }
      gen.writeFieldName("mcp_request_id");
      // The tree is written by this generator: JsonNode.toString() would set up a whole Jackson
      // ObjectMapper (about 300 classes) on a cold start's first response.
      if (request.id() == null) {
        gen.writeNull();
      } else {
        Json.write(gen, request.id());
      }
      gen.writeStringField("mcp_outcome", outcomeName(outcome));
      if (outcome.errorCode().isPresent()) {
        gen.writeNumberField("mcp_error_code", outcome.errorCode().getAsInt());
      }
      if (outcome.errorMessage().isPresent()) {
        gen.writeStringField("mcp_error", cut(outcome.errorMessage().get()));
      }
      if (outcome.errorId().isPresent()) {
        gen.writeStringField("error_id", outcome.errorId().get());
      }
      gen.writeNumberField("duration_ms", millis(outcome));
      gen.writeStringField("subject", request.identity().subject());
      JsonNode args = arguments ? request.params().get("arguments") : null;
      if (args != null) {
        gen.writeFieldName("arguments");
        Json.write(gen, args);
      }
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * {@code 2026-12-02T09:30:00.123Z}: UTC to the millisecond, as Powertools writes it. Written by
   * hand because {@code Instant.toString()} first sets up {@code DateTimeFormatter}'s dozen
   * built-in formatters, a few milliseconds of a cold start's first response.
   */
  static String timestamp(long epochMillis) {
    LocalDateTime time =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(epochMillis, 1000L),
            (int) Math.floorMod(epochMillis, 1000L) * 1_000_000,
            ZoneOffset.UTC);
    int year = time.getYear();
    if (year < 1000 || year > 9999) {
      return Instant.ofEpochMilli(epochMillis).toString(); // Not this millennium: the JDK's form.
    }
    StringBuilder text = new StringBuilder(24).append(year).append('-');
    twoDigits(text, time.getMonthValue()).append('-');
    twoDigits(text, time.getDayOfMonth()).append('T');
    twoDigits(text, time.getHour()).append(':');
    twoDigits(text, time.getMinute()).append(':');
    twoDigits(text, time.getSecond()).append('.');
    int millis = time.getNano() / 1_000_000;
    text.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10));
    return text.append((char) ('0' + millis % 10)).append('Z').toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private static String sessionId(InterceptedRequest request) {
    return request
        .transportAttribute(Headers.class)
        .map(headers -> headers.first("Mcp-Session-Id"))
        .orElse(null);
  }

  private static String outcomeName(Outcome outcome) {
    return outcome.status().name().toLowerCase(Locale.ROOT);
  }

  /** Milliseconds with one decimal: enough to see a slow call, short enough to read. */
  private static double millis(Outcome outcome) {
    return Math.round(outcome.durationNanos() / 1e5) / 10.0;
  }

  private static String cut(String text) {
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
  }

  @Override
  public String toString() {
    return format.name().toLowerCase(Locale.ROOT)
        + " lines for service "
        + service
        + (arguments ? " with arguments" : "");
  }
}
