package dev.toolsmith.examples.toolbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.toolsmith.runtime.logging.RequestLog;

/**
 * The toolbox's Logback set-up, in code rather than {@code logback.xml}: request lines ({@value
 * RequestLog#LOGGER_NAME}) go to standard output as they are, one JSON document each on Lambda,
 * which CloudWatch Logs Insights reads field by field; everything else gets a level and a logger
 * name on standard error, the AWS SDK and Jetty from {@code WARN} up.
 *
 * <p>Logback finds it through {@code META-INF/services}. Reading the XML file costs a cold start
 * the JDK's XML parser and Logback's configuration model, a few hundred classes, before the first
 * response; this costs neither. A {@code logback.xml} named by {@code -Dlogback.configurationFile}
 * still wins, for a deployment that wants its own.
 */
public final class ToolboxLogging extends ContextAwareBase implements Configurator {

  /** Logback makes it through the service loader. */
  public ToolboxLogging() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    Logger requests = context.getLogger(RequestLog.LOGGER_NAME);
    requests.setLevel(Level.INFO);
    requests.setAdditive(false);
    requests.addAppender(console(context, "requests", "%msg%n", false));
    context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
    context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console(context, "others", "%-5level %logger{36} - %msg%n", true));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static ConsoleAppender<ILoggingEvent> console(
      LoggerContext context, String name, String pattern, boolean toStandardError) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(name);
    if (toStandardError) {
      appender.setTarget("System.err");
    }
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }
}
