package dev.toolsmith.examples.board;

import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.lifecycle.Lifespan;
import dev.toolsmith.runtime.logging.RequestLog;
import dev.toolsmith.runtime.metrics.emf.EmfMetrics;
import dev.toolsmith.runtime.opentelemetry.McpTracing;
import dev.toolsmith.runtime.server.McpServer;

/**
 * The message board MCP server, as the Lambda handler and the local {@code main} both serve it.
 * Apart from {@link BoardServer} so the Lambda deployment package carries the server without the
 * local run's embedded database, issuer and HTTP server.
 */
public final class MessageBoard {
  private MessageBoard() {}

  /**
   * Returns the board's server. The database is part of its lifespan: closed when the server stops,
   * and let go before a SnapStart snapshot. Before the snapshot, {@code get_messages} is called
   * once, which applies the schema and runs the driver's whole query path.
   */
  public static McpServer create(Authenticator auth, Database database) {
    Lifespan lifespan = new Lifespan();
    lifespan.manage(database);
    McpServer.Builder builder = McpServer.builder();
    // What the environment asks for: a log line per request always (JSON on Lambda), CloudWatch
    // metrics when POWERTOOLS_METRICS_NAMESPACE is set, spans when OpenTelemetry is set up.
    builder.interceptor(RequestLog.fromEnvironment());
    EmfMetrics.fromEnvironment().ifPresent(builder::interceptor);
    McpTracing.fromEnvironment().ifPresent(builder::interceptor);
    return builder
        .name("message-board")
        .version("1.0.0")
        .instructions(
            "A shared message board. get_messages reads the latest messages; post_message posts one as the "
                + "signed-in user.")
        .auth(auth)
        .lifespan(lifespan)
        .tools(new BoardTools_McpTools(new BoardTools(new MessageStore(database))))
        .primingCall("get_messages", "{}")
        .build();
  }
}
