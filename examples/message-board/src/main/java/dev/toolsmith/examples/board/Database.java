package dev.toolsmith.examples.board;

import dev.toolsmith.runtime.lifecycle.ManagedResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The board's PostgreSQL connections: a small pool that opens connections only when a tool needs
 * one, replaces a connection that broke, applies the schema once before the first use, and lets go
 * of every connection before a SnapStart snapshot.
 *
 * <p>On Lambda an execution environment runs one request at a time, so the pool holds one
 * connection there; a local server running requests in parallel gets up to {@code maxSize}.
 */
public final class Database implements ManagedResource {
  private static final String SCHEMA = "schema.sql";

  /**
   * Any fixed number: the key of the advisory lock that serialises schema application across
   * instances.
   */
  private static final long SCHEMA_LOCK = 0x5EED_0002L;

  private final String url;
  private final Properties properties;
  private final Semaphore permits;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private int generation;
  private boolean closed;
  private volatile boolean schemaApplied;

  /**
   * Returns a pool for a JDBC URL.
   *
   * @param url such as {@code jdbc:postgresql://db.example.com:5432/board?sslmode=require}
   * @param user the database user
   * @param password the user's password, or {@code null}
   * @param maxSize the most connections open at once
   */
  public Database(String url, String user, String password, int maxSize) {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "The database URL must be a PostgreSQL JDBC URL such as "
              + "jdbc:postgresql://localhost:5432/board, got "
              + url);
    }
    this.url = url;
    this.properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("ApplicationName", "toolsmith-message-board");
    this.permits = new Semaphore(maxSize, true);
  }

  /**
   * Runs work on a connection. A connection that broke during the work is discarded, not returned
   * to the pool, so the next call opens a fresh one; reads are retried once on a fresh connection,
   * writes are not, because a write may have committed before its connection broke.
   */
  public <T> T run(Work<T> work, boolean retryOnBrokenConnection) throws SQLException {
    try {
      return attempt(work);
    } catch (SQLException e) {
      if (retryOnBrokenConnection && isBrokenConnection(e)) {
        return attempt(work);
      }
      throw e;
    }
  }

  private <T> T attempt(Work<T> work) throws SQLException {
    acquirePermit();
    Connection connection = null;
    int borrowedIn = -1;
    try {
      synchronized (this) {
        if (closed) {
          throw new SQLException("The message board's database pool is closed", "08003");
        }
        connection = idle.pollFirst();
        borrowedIn = generation;
      }
      if (connection == null) {
        connection = DriverManager.getConnection(url, properties);
      }
      applySchemaOnce(connection);
      T result;
      try {
        result = work.run(connection);
      } catch (SQLException e) {
        if (!isBrokenConnection(e) && isUsable(connection)) {
          giveBack(connection, borrowedIn);
          connection = null;
          throw e;
        }
        throw new SQLException("The database connection broke: " + e.getMessage(), "08006", e);
      }
      giveBack(connection, borrowedIn);
      connection = null;
      return result;
    } finally {
      if (connection != null) {
        discard(connection);
      }
      permits.release();
    }
  }

  private void giveBack(Connection connection, int borrowedIn) {
    synchronized (this) {
      if (!closed && borrowedIn == generation) {
        idle.addFirst(connection);
        return;
      }
    }
    discard(connection);
  }

  private void applySchemaOnce(Connection connection) throws SQLException {
    if (schemaApplied) {
      return;
    }
    String sql = schema();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
      statement.execute(sql);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    schemaApplied = true;
  }

  private static String schema() throws SQLException {
    try (InputStream in = Database.class.getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new SQLException("The schema " + SCHEMA + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SQLException("Could not read the schema " + SCHEMA, e);
    }
  }

  private void acquirePermit() throws SQLException {
    try {
      if (!permits.tryAcquire(10, TimeUnit.SECONDS)) {
        throw new SQLException("Every database connection stayed busy for 10 seconds", "08004");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for a database connection", "08004", e);
    }
  }

  /**
   * Returns whether a failure means the connection itself is gone: SQLSTATE class 08 (connection
   * exception) or 57P0x (the server was shut down or the session terminated), or an I/O failure.
   */
  static boolean isBrokenConnection(SQLException e) {
    String state = e.getSQLState();
    return (state != null && (state.startsWith("08") || state.startsWith("57P0")))
        || e.getCause() instanceof IOException;
  }

  private static boolean isUsable(Connection connection) {
    try {
      return !connection.isClosed() && connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Closes every idle connection, and makes connections in use close when they come back. */
  @Override
  public void beforeCheckpoint() {
    Deque<Connection> toClose;
    synchronized (this) {
      generation++;
      toClose = new ArrayDeque<>(idle);
      idle.clear();
    }
    toClose.forEach(Database::discard);
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    beforeCheckpoint();
  }

  /** Returns how many connections wait in the pool, for tests and diagnostics. */
  synchronized int idleConnections() {
    return idle.size();
  }

  private static void discard(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing a broken connection fails too; it is gone either way.
    }
  }

  @Override
  public String toString() {
    return "Database(" + url.replaceAll("password=[^&]*", "password=***") + ")";
  }

  /** Work done with a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
