package dev.toolsmith.examples.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pool against a real PostgreSQL: schema once, reconnecting, and letting go before a snapshot.
 */
class DatabaseTest {
  private static BoardBackends backends;

  @BeforeAll
  static void start() throws Exception {
    backends = BoardBackends.get();
  }

  @Test
  void manyInstancesStartingAtOnceApplyTheSchemaWithoutTrippingOverEachOther() throws Exception {
    String database = "schema_race_" + System.nanoTime();
    admin("CREATE DATABASE " + database);
    String url = backends.jdbcUrl().replace("/postgres?", "/" + database + "?");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Message>>> reads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Database instance = new Database(url, "postgres", null, 1);
        Callable<List<Message>> read = () -> new MessageStore(instance).latest(5);
        reads.add(pool.submit(read));
      }
      for (Future<List<Message>> read : reads) {
        assertThat(read.get()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    Database again = new Database(url, "postgres", null, 1);
    new MessageStore(again).post("alice", "after the race");
    assertThat(new MessageStore(again).latest(5))
        .extracting(Message::text)
        .containsExactly("after the race");
  }

  @Test
  void aKilledConnectionIsReplaced_readsRetryAndWritesSayWhatHappened() throws Exception {
    Database database = new Database(backends.jdbcUrl(), "postgres", null, 1);
    MessageStore store = new MessageStore(database);
    store.latest(1);
    assertThat(database.idleConnections()).isEqualTo(1);

    killBoardConnections();
    assertThat(store.latest(1)).isNotNull();

    killBoardConnections();
    assertThatThrownBy(() -> store.post("alice", "lost?")).isInstanceOf(SQLException.class);
    assertThat(database.idleConnections()).isZero();
    long id = store.post("alice", "after a reconnect");
    assertThat(store.latest(50)).extracting(Message::id).contains(id);
  }

  @Test
  void beforeACheckpointNoConnectionIsLeftOpen_andTheNextUseReconnects() throws Exception {
    Database database =
        new Database(backends.jdbcUrl() + "&ApplicationName=checkpoint-test", "postgres", null, 2);
    MessageStore store = new MessageStore(database);
    store.latest(1);
    assertThat(openConnections("toolsmith-message-board")).isPositive();

    MessageBoard.create(dev.toolsmith.runtime.auth.Authenticator.NONE, database)
        .lifespan()
        .beforeCheckpoint();

    assertThat(database.idleConnections()).isZero();
    store.latest(1);
    assertThat(database.idleConnections()).isEqualTo(1);
    database.close();
    assertThatThrownBy(() -> store.latest(1)).hasMessageContaining("closed");
  }

  @Test
  void settingsComeFromTheTutorialsVariablesOrAJdbcUrl_andSayWhatIsMissing() {
    assertThat(
            DatabaseSettings.fromEnvironment(
                Map.of(
                    "DB_HOST",
                    "db.example.com",
                    "DB_NAME",
                    "board",
                    "DB_USER",
                    "app",
                    "DB_PASSWORD",
                    "hunter2"),
                1))
        .hasToString("Database(jdbc:postgresql://db.example.com:5432/board?sslmode=require)");
    assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(Map.of(), 1))
        .hasMessageContaining("DATABASE_URL")
        .hasMessageContaining("DB_HOST");
    assertThatThrownBy(
            () ->
                DatabaseSettings.fromEnvironment(
                    Map.of("DATABASE_URL", "jdbc:postgresql://h/db"), 1))
        .hasMessageContaining("DB_USER");
    assertThatThrownBy(() -> new Database("jdbc:mysql://h/db", "u", null, 1))
        .hasMessageContaining("PostgreSQL JDBC URL");
  }

  private static void killBoardConnections() throws SQLException {
    admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'toolsmith-message-board' "
            + "AND pid <> pg_backend_pid()");
  }

  private static int openConnections(String application) throws SQLException {
    try (Connection admin = DriverManager.getConnection(backends.jdbcUrl(), "postgres", null);
        Statement statement = admin.createStatement();
        ResultSet count =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                    + application
                    + "'")) {
      count.next();
      return count.getInt(1);
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection admin = DriverManager.getConnection(backends.jdbcUrl(), "postgres", null);
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }
}
