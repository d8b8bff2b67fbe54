package dev.toolsmith.examples.toolbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * The toolbox's logging, on the JDK's own {@code java.util.logging}, set up only when something
 * first logs. SLF4J (the AWS SDK's and Jetty's logging) reaches it through {@code slf4j-jdk14}, and
 * the runtime logs to it directly; each record is one line on standard error, {@code WARNING
 * dev.toolsmith.runtime - message}, then the stack trace when there is one, with the AWS SDK and
 * Jetty from {@code WARNING} up. The request log does not go through it: {@link ToolboxServer}
 * prints those lines to standard output itself.
 *
 * <p>Why lazily: starting {@code java.util.logging} (its manager, its configuration, the JDK's
 * logger bridge) costs a Lambda cold start about 30 ms, and a request that logs nothing but its
 * request line should not pay it. {@link #install()} only names this class in {@code
 * java.util.logging.config.class}; the JDK creates it, which applies the configuration, the first
 * time anything logs. That is why this class is public with a public constructor: the JDK calls it
 * by name. Why not Logback: it costs about 40 ms more (its context, status printer and time-zone
 * rules).
 *
 * <p>A deployment that sets {@code java.util.logging.config.file} or {@code
 * java.util.logging.config.class} keeps its own configuration.
 */
public final class ToolboxLogging {
  /**
   * The configuration, in {@code logging.properties} form. The formatter is the JDK's, as {@code
   * java.util.logging} only loads formatters named in properties from the system class loader,
   * which on Lambda does not hold the function's classes.
   */
  private static final String CONFIGURATION =
      String.join(
          "\n",
          "handlers=java.util.logging.ConsoleHandler",
          ".level=INFO",
          "java.util.logging.ConsoleHandler.level=ALL",
          "java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter",
          "java.util.logging.SimpleFormatter.format=%4$s %3$s - %5$s%6$s%n",
          "software.amazon.awssdk.level=WARNING",
          "org.eclipse.jetty.level=WARNING",
          "");

  /**
   * Applies the toolbox's configuration. Called by {@code java.util.logging} when it starts, never
   * by the toolbox itself.
   */
  public ToolboxLogging() {
    try {
      LogManager.getLogManager()
          .readConfiguration(
              new ByteArrayInputStream(CONFIGURATION.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the toolbox's logging configuration", e);
    }
  }

  /**
   * Has {@code java.util.logging} take the toolbox's configuration when it starts, unless the
   * deployment names its own.
   */
  static void install() {
    if (System.getProperty("java.util.logging.config.file") == null
        && System.getProperty("java.util.logging.config.class") == null) {
      System.setProperty("java.util.logging.config.class", ToolboxLogging.class.getName());
    }
  }
}
