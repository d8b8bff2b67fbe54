package dev.toolsmith.examples.toolbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
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
 *
 * <p>The two layouts are small classes rather than {@code PatternLayout}s, whose converter table
 * (sixty method references, each linked on first use) would cost the same cold start again.
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
    requests.addAppender(console(context, "requests", new MessageOnly(), false));
    context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
    context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console(context, "others", new LevelLoggerMessage(), true));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static ConsoleAppender<ILoggingEvent> console(
      LoggerContext context,
      String name,
      LayoutBase<ILoggingEvent> layout,
      boolean toStandardError) {
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
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

  /** The message and a line break: a request line is already a whole JSON document. */
  private static final class MessageOnly extends LayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent event) {
      return event.getFormattedMessage() + CoreConstants.LINE_SEPARATOR;
    }
  }

  /** {@code WARN dev.toolsmith.Thing - message}, then the stack trace when there is one. */
  private static final class LevelLoggerMessage extends LayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent event) {
      StringBuilder line = new StringBuilder(128);
      String level = event.getLevel().toString();
      line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
      line.append(event.getLoggerName()).append(" - ").append(event.getFormattedMessage());
      line.append(CoreConstants.LINE_SEPARATOR);
      if (event.getThrowableProxy() != null) {
        line.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        line.append(CoreConstants.LINE_SEPARATOR);
      }
      return line.toString();
    }
  }
}
