package dev.toolsmith.examples.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.auth.oidc.OidcAuthenticator;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.runtime.lambda.McpLambdaHandler;
import dev.toolsmith.runtime.lambda.SnapStartCheckpoint;
import dev.toolsmith.test.lambda.HttpEvent;
import dev.toolsmith.test.lambda.LambdaResponse;
import dev.toolsmith.test.lambda.TestContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The board's Lambda handler through a SnapStart life: priming through the handler with the real
 * database before the checkpoint, no connection left open in the snapshot, then Function URL events
 * with real tokens after restore.
 */
class BoardLambdaTest {
  private static final String URL = "https://abc123.lambda-url.eu-west-1.on.aws/mcp";
  private static BoardBackends backends;

  @BeforeAll
  static void start() throws Exception {
    backends = BoardBackends.get();
  }

  @Test
  void primesWithTheDatabase_leavesNoConnectionInTheSnapshot_andServesAfterRestore()
      throws Exception {
    String application = "board-lambda-" + System.nanoTime();
    Database database =
        new Database(backends.jdbcUrl() + "&ApplicationName=" + application, "postgres", null, 1);
    Handler handler = new Handler(database);

    SnapStartCheckpoint.beforeCheckpoint(handler);

    assertThat(database.idleConnections()).isZero();
    assertThat(connectionsAfterTheServerNotices(application)).isZero();
    SnapStartCheckpoint.afterRestore(handler);

    String token =
        backends.token(
            "frank",
            java.util.List.of(URL),
            java.util.Map.of("scope", BoardTools.READ + " " + BoardTools.WRITE),
            600);
    JsonNode posted =
        invoke(
            handler, token, BoardBackends.toolCall("post_message", "{\"text\":\"from Lambda\"}"));
    assertThat(posted.path("statusCode").asInt()).isEqualTo(200);
    assertThat(
            Json.parse(posted.path("body").asText().getBytes())
                .at("/result/content/0/text")
                .asText())
        .endsWith("as frank.");
    assertThat(connectionsOf(application)).isEqualTo(1);

    JsonNode anonymous = invoke(handler, null, BoardBackends.toolCall("get_messages", "{}"));
    assertThat(anonymous.path("statusCode").asInt()).isEqualTo(401);
    assertThat(anonymous.at("/headers/WWW-Authenticate").asText())
        .contains(
            "resource_metadata=\"https://abc123.lambda-url.eu-west-1.on.aws/.well-known/oauth-protected-resource/mcp\"");
  }

  @Test
  void primingPostsNothing() throws Exception {
    Database database = new Database(backends.jdbcUrl(), "postgres", null, 1);
    new MessageStore(database).latest(1);
    Handler handler = new Handler(database);
    int before = count();

    assertThat(SnapStartCheckpoint.prime(handler)).containsOnly(200);

    assertThat(count()).isEqualTo(before);
  }

  /** Invokes the handler with a handshake-era Function URL event, as the tutorial deploys it. */
  private static JsonNode invoke(McpLambdaHandler handler, String token, String body) {
    HttpEvent event =
        HttpEvent.functionUrl()
            .header("Host", java.net.URI.create(URL).getHost())
            .jsonRpc(body)
            .header("MCP-Protocol-Version", "2025-11-25");
    if (token != null) {
      event.bearer(token);
    }
    return LambdaResponse.invoke(handler, event.toJson(), TestContext.plain()).raw();
  }

  private static int connectionsOf(String application) throws Exception {
    return queryInt(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + application + "'");
  }

  /** A backend leaves pg_stat_activity a moment after its client closed the socket. */
  private static int connectionsAfterTheServerNotices(String application) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    int open = connectionsOf(application);
    while (open > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      open = connectionsOf(application);
    }
    return open;
  }

  private static int count() throws Exception {
    return queryInt("SELECT count(*) FROM messages");
  }

  private static int queryInt(String sql) throws Exception {
    try (Connection admin = DriverManager.getConnection(backends.jdbcUrl(), "postgres", null);
        Statement statement = admin.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    }
  }

  /** The board's handler as MessageBoardHandler builds it, with the test's issuer and database. */
  static final class Handler extends McpLambdaHandler {
    Handler(Database database) {
      super(
          MessageBoard.create(
              OidcAuthenticator.issuer(backends.issuer())
                  .audience(URL)
                  .scopesSupported(BoardTools.READ, BoardTools.WRITE)
                  .build(),
              database));
    }
  }
}
