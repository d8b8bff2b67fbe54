package dev.toolsmith.examples.board;

import dev.toolsmith.runtime.auth.Authenticator;
import dev.toolsmith.runtime.auth.devissuer.DevelopmentIssuer;
import dev.toolsmith.runtime.auth.oidc.OidcAuthenticator;
import dev.toolsmith.runtime.jetty.McpHttpServer;
import dev.toolsmith.runtime.lifecycle.Lifespan;
import dev.toolsmith.runtime.server.McpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The {@code main} that runs the message board ({@link MessageBoard}) on a laptop with one command:
 * {@code java -jar message-board-local.jar}.
 *
 * <p>Locally, without configuration, it starts an embedded PostgreSQL and a {@link
 * DevelopmentIssuer}, and prints how to get a token. {@code DATABASE_URL} (or {@code DB_HOST}...)
 * points it at a real database instead, and {@code MCP_OIDC_ISSUER} (with {@code MCP_OIDC_PROVIDER}
 * and {@code MCP_SERVER_URL}) at a real identity provider.
 */
public final class BoardServer {
  private BoardServer() {}

  /** Serves the board on loopback until the process is stopped. */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    String serverUrl = "http://127.0.0.1:" + port + "/mcp";
    Lifespan local = new Lifespan();
    Database database;
    String databaseNote;
    if (System.getenv("DATABASE_URL") != null || System.getenv("DB_HOST") != null) {
      database = DatabaseSettings.fromEnvironment(System.getenv(), 10);
      databaseNote = database.toString();
    } else {
      EmbeddedPostgres postgres = local.closeOnStop(EmbeddedPostgres.builder().start());
      database = new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, 10);
      databaseNote =
          "embedded PostgreSQL on port " + postgres.getPort() + " (gone when this process stops)";
    }
    Authenticator auth;
    String tokenHint;
    if (System.getenv("MCP_OIDC_ISSUER") != null || System.getenv("MCP_OIDC_PROVIDER") != null) {
      auth = OidcAuthenticator.fromEnvironment();
      tokenHint = "Tokens: from your identity provider (" + auth + ")";
    } else {
      DevelopmentIssuer issuer = local.closeOnStop(DevelopmentIssuer.start(0, serverUrl));
      auth =
          OidcAuthenticator.issuer(issuer.issuer())
              .audience(serverUrl)
              .scopesSupported(BoardTools.READ, BoardTools.WRITE)
              .build();
      tokenHint =
          "Get a token from the development issuer (any name you like, no password):\n"
              + "  TOKEN=$(curl -s -d sub=alice -d 'scope="
              + BoardTools.READ
              + " "
              + BoardTools.WRITE
              + "' "
              + issuer.tokenEndpoint()
              + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')";
    }
    McpServer server = MessageBoard.create(auth, database);
    McpHttpServer http = McpHttpServer.builder(server).port(port).stopOnSignal(false).start();
    Runtime.getRuntime().addShutdownHook(new Thread(new Stop(http, local), "board-shutdown"));
    System.out.println("Message board MCP server listening at " + http.url());
    System.out.println("Database: " + databaseNote);
    System.out.println(tokenHint);
    System.out.println(
        "Try:\n  npx @modelcontextprotocol/inspector --cli "
            + http.url()
            + " --header \"Authorization: Bearer $TOKEN\" --method tools/call --tool-name post_message --tool-arg text=hello");
    http.awaitStop();
  }

  /**
   * Stops the HTTP server (which closes the board's database pool), then the local database and
   * issuer.
   */
  private static final class Stop implements Runnable {
    private final McpHttpServer http;
    private final Lifespan local;

    Stop(McpHttpServer http, Lifespan local) {
      this.http = http;
      this.local = local;
    }

    @Override
    public void run() {
      http.close();
      local.close();
    }
  }
}
