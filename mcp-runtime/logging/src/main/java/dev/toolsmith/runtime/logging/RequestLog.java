package dev.toolsmith.runtime.logging;

import dev.toolsmith.runtime.intercept.InterceptedRequest;
import dev.toolsmith.runtime.intercept.Interceptor;
import dev.toolsmith.runtime.intercept.Outcome;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs one line for every request the server answers, after it is answered: what was asked, by
 * whom, in which protocol version, how it ended and how long it took.
 *
 * <p>In {@link Format#JSON} the line is a JSON object with the fields Powertools for AWS Lambda
 * writes ({@code level}, {@code message}, {@code timestamp}, {@code service}, {@code cold_start}
 * and, on Lambda, {@code function_name}, {@code function_request_id}, {@code xray_trace_id}...), so
 * CloudWatch Logs Insights queries written for Powertools work on it, plus the request's MCP facts:
 *
 * <pre>{@code
 * {"level":"INFO","message":"tools/call get_weather ok in 3.2 ms","timestamp":"2026-12-02T09:30:00.123Z",
 *  "service":"weather","cold_start":false,"function_name":"weather","function_request_id":"8f...",
 *  "xray_trace_id":"1-5f84c7a9-...","mcp_method":"tools/call","mcp_name":"get_weather",
 *  "mcp_era":"modern","mcp_protocol_version":"2026-07-28","mcp_outcome":"ok","duration_ms":3.2,
 *  "subject":"alice"}
 * }</pre>
 *
 * The line is the log event's whole message: give the {@code dev.toolsmith.requests} logger a
 * pattern of the message alone ({@code %msg%n} in Logback) and each event is one JSON document. Or
 * {@linkplain Builder#printTo(PrintStream) print the lines} to standard output with no logging
 * framework at all, as a Lambda function can: its runtime sends standard output to CloudWatch Logs
 * line by line, and a function that sets no framework up before its first response starts faster.
 * {@link Format#TEXT} is a short line for a terminal.
 *
 * <p>Tokens never appear; arguments only when {@linkplain Builder#withArguments() asked for}.
 * Successful requests are logged at {@code INFO}, tool errors and refused requests at {@code WARN},
 * unexpected failures (those with an error id) at {@code ERROR}; the line is not even built when
 * its level is off.
 */
public final class RequestLog implements Interceptor {
  /** The logger lines go to, unless the builder names another. */
  public static final String LOGGER_NAME = "dev.toolsmith.requests";

  /** The variable naming the service in each line, as Powertools reads it. */
  public static final String SERVICE_VARIABLE = "POWERTOOLS_SERVICE_NAME";

  /** The variable setting the lowest level logged, as Powertools reads it. */
  public static final String LEVEL_VARIABLE = "POWERTOOLS_LOG_LEVEL";

  /** The variable choosing the format: {@code json} or {@code text}. */
  public static final String FORMAT_VARIABLE = "TOOLSMITH_LOG_FORMAT";

  /** The service name Powertools writes when none is configured. */
  static final String UNDEFINED_SERVICE = "service_undefined";

  /** How each line is written. */
  public enum Format {
    /** One JSON object per line, for CloudWatch Logs and other log stores. */
    JSON,
    /** A short human line, for a terminal. */
    TEXT
  }

  /** Where lines go when they are not printed; {@code null} when they are. */
  private final Logger logger;

  /** Where lines are printed, or {@code null} when they go to {@link #logger}. */
  private final PrintStream printed;

  private final LineWriter writer;
  private final Level threshold;

  private RequestLog(Builder builder) {
    this.printed = builder.printed;
    // SLF4J is not even looked up when lines are printed: finding and starting its backend is the
    // dearest part of a cold start's logging.
    this.logger =
        printed != null
            ? null
            : builder.logger != null ? builder.logger : LoggerFactory.getLogger(LOGGER_NAME);
    this.threshold = builder.threshold;
    this.writer = new LineWriter(builder.format, builder.service, builder.arguments);
  }

  /**
   * Returns the request log the environment configures: the service from {@value
   * #SERVICE_VARIABLE}, the lowest level from {@value #LEVEL_VARIABLE} ({@code INFO} when unset),
   * and the format from {@value #FORMAT_VARIABLE}; without it, JSON on AWS Lambda and text
   * elsewhere.
   *
   * @throws IllegalArgumentException when a variable holds a value it cannot take, naming it
   */
  public static RequestLog fromEnvironment() {
    return builder().fromEnvironment().build();
  }

  static RequestLog fromEnvironment(Map<String, String> environment) {
    return builder().fromEnvironment(environment).build();
  }

  /** Returns a builder: JSON lines, level {@code INFO}, service {@code service_undefined}. */
  public static Builder builder() {
    return new Builder();
  }

  private static Level parseLevel(String value) {
    String name = value.strip().toUpperCase(Locale.ROOT);
    if (name.equals("WARNING")) {
      return Level.WARN;
    }
    if (name.equals("CRITICAL") || name.equals("FATAL")) {
      return Level.ERROR;
    }
    try {
      return Level.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          LEVEL_VARIABLE
              + " is '"
              + value
              + "'; set it to one of TRACE, DEBUG, INFO, WARN or ERROR, or leave it unset for INFO");
    }
  }

  private static Format parseFormat(String value) {
    try {
      return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          FORMAT_VARIABLE
              + " is '"
              + value
              + "'; set it to json or text, or leave it unset for JSON on Lambda and text elsewhere");
    }
  }

  @Override
  public void afterRequest(InterceptedRequest request, Outcome outcome) {
    Level level = levelOf(outcome);
    if (level.toInt() < threshold.toInt()) {
      return;
    }
    if (printed != null) {
      print(writer.line(level, request, outcome));
    } else if (logger.isEnabledForLevel(level)) {
      logger.atLevel(level).log(writer.line(level, request, outcome));
    }
  }

  /** Writes the line and its break in one write, so lines from two threads never interleave. */
  private void print(String line) {
    byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    synchronized (printed) {
      printed.write(bytes, 0, bytes.length);
      printed.flush(); // Nothing may wait in a buffer when Lambda freezes the environment.
    }
  }

  /**
   * A failure logged under an error id is the server's to fix: an error. Refusals and tool errors
   * are the caller's: a warning.
   */
  static Level levelOf(Outcome outcome) {
    if (outcome.errorId().isPresent()) {
      return Level.ERROR;
    }
    return outcome.status() == Outcome.Status.TOOL_ERROR || outcome.status() == Outcome.Status.ERROR
        ? Level.WARN
        : Level.INFO;
  }

  @Override
  public String toString() {
    String destination = printed != null ? "printed" : "logger " + logger.getName();
    return "RequestLog[" + writer + ", level " + threshold + ", " + destination + "]";
  }

  /** Configures a {@link RequestLog}. */
  public static final class Builder {
    private Logger logger;
    private PrintStream printed;
    private Format format = Format.JSON;
    private String service = UNDEFINED_SERVICE;
    private Level threshold = Level.INFO;
    private boolean arguments;

    private Builder() {}

    /** Names the service in each line ({@code service}). */
    public Builder service(String service) {
      this.service = Objects.requireNonNull(service, "service");
      return this;
    }

    /** Sets the lowest level logged: {@code WARN} logs only errors and refusals. */
    public Builder level(Level level) {
      this.threshold = Objects.requireNonNull(level, "level");
      return this;
    }

    /** Chooses JSON or text lines. */
    public Builder format(Format format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Takes the service, the lowest level and the format from the environment, as {@link
     * RequestLog#fromEnvironment()} does, over what was set before; what the environment leaves
     * unset keeps its value, except the format, which is then JSON on AWS Lambda and text
     * elsewhere.
     *
     * @throws IllegalArgumentException when a variable holds a value it cannot take, naming it
     */
    public Builder fromEnvironment() {
      return fromEnvironment(System.getenv());
    }

    Builder fromEnvironment(Map<String, String> environment) {
      String service = environment.get(SERVICE_VARIABLE);
      if (service != null && !service.isBlank()) {
        service(service.strip());
      }
      String level = environment.get(LEVEL_VARIABLE);
      if (level != null && !level.isBlank()) {
        level(parseLevel(level));
      }
      String format = environment.get(FORMAT_VARIABLE);
      if (format != null && !format.isBlank()) {
        return format(parseFormat(format));
      }
      return format(
          environment.containsKey("AWS_LAMBDA_FUNCTION_NAME") ? Format.JSON : Format.TEXT);
    }

    /** Writes to this logger instead of {@value RequestLog#LOGGER_NAME}, and stops printing. */
    public Builder logger(Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      this.printed = null;
      return this;
    }

    /**
     * Prints each line to this stream, UTF-8 and flushed, instead of handing it to a logger; the
     * level threshold still applies. On AWS Lambda pass {@code System.out}: the runtime sends each
     * line of standard output to CloudWatch Logs, so the request log needs no logging framework,
     * and SLF4J, which costs a cold start tens of milliseconds to find and start its backend, is
     * never touched.
     */
    public Builder printTo(PrintStream stream) {
      this.printed = Objects.requireNonNull(stream, "stream");
      this.logger = null;
      return this;
    }

    /**
     * Adds each tool's and prompt's arguments to its line. Off by default: arguments may hold what
     * the caller would not want kept.
     */
    public Builder withArguments() {
      this.arguments = true;
      return this;
    }

    /** Returns the request log. */
    public RequestLog build() {
      return new RequestLog(this);
    }
  }
}
