package dev.toolsmith.examples.toolbox;

import dev.toolsmith.runtime.logging.RequestLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The toolbox's logging, on the JDK's own {@code java.util.logging} (SLF4J reaches it through
 * {@code slf4j-jdk14}, and the runtime logs to it directly): request lines ({@value
 * RequestLog#LOGGER_NAME}) go to standard output as they are, one JSON document each on Lambda,
 * which CloudWatch Logs Insights reads field by field; everything else gets a level and a logger
 * name on standard error, the AWS SDK and Jetty from {@code WARNING} up.
 *
 * <p>Why not Logback: setting it up costs a Lambda cold start about 40 ms before the first response
 * (its context, status printer and time-zone rules), a third of what the whole floor handler takes;
 * the JDK's logging is mostly in the JVM's shared archive already. A deployment that sets {@code
 * -Djava.util.logging.config.file} keeps its own configuration.
 */
final class ToolboxLogging {
  /** Held, because {@code java.util.logging} keeps only weak references to configured loggers. */
  private static final Logger[] CONFIGURED = new Logger[4];

  private static boolean installed; // guarded by the class, as install() is

  private ToolboxLogging() {}

  /** Sets the toolbox's handlers up, once per process. */
  static synchronized void install() {
    if (installed || System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    Logger root = LogManager.getLogManager().getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ConsoleHandler others = new ConsoleHandler(); // standard error
    others.setFormatter(new LevelLoggerMessage());
    others.setLevel(Level.ALL);
    root.addHandler(others);
    root.setLevel(Level.INFO);

    Logger requests = Logger.getLogger(RequestLog.LOGGER_NAME);
    requests.setUseParentHandlers(false);
    requests.addHandler(new StandardOutput());
    requests.setLevel(Level.INFO);

    Logger sdk = Logger.getLogger("software.amazon.awssdk");
    sdk.setLevel(Level.WARNING);
    Logger jetty = Logger.getLogger("org.eclipse.jetty");
    jetty.setLevel(Level.WARNING);
    CONFIGURED[0] = root;
    CONFIGURED[1] = requests;
    CONFIGURED[2] = sdk;
    CONFIGURED[3] = jetty;
    installed = true;
  }

  /** Standard output, flushed after every line so none waits in a buffer when Lambda freezes. */
  private static final class StandardOutput extends StreamHandler {
    StandardOutput() {
      super(System.out, new MessageOnly());
      setLevel(Level.ALL);
    }

    @Override
    public synchronized void publish(LogRecord record) {
      super.publish(record);
      flush();
    }

    @Override
    public synchronized void close() {
      flush(); // never close System.out
    }
  }

  /** The message and a line break: a request line is already a whole JSON document. */
  private static final class MessageOnly extends Formatter {
    @Override
    public String format(LogRecord record) {
      return formatMessage(record) + System.lineSeparator();
    }
  }

  /** {@code WARNING dev.toolsmith.Thing - message}, then the stack trace when there is one. */
  private static final class LevelLoggerMessage extends Formatter {
    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder(128);
      line.append(record.getLevel().getName()).append(' ');
      line.append(record.getLoggerName()).append(" - ").append(formatMessage(record));
      line.append(System.lineSeparator());
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }
  }
}
