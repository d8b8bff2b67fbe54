package dev.toolsmith.examples.board;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The board's two queries, as prepared statements: values never become SQL text. */
public final class MessageStore {
  private static final String INSERT =
      "INSERT INTO messages (username, text) VALUES (?, ?) RETURNING id";
  private static final String LATEST =
      "SELECT id, username, text, timestamp FROM messages ORDER BY timestamp DESC, id DESC LIMIT ?";

  private final Database database;

  public MessageStore(Database database) {
    this.database = database;
  }

  /**
   * Stores a message and returns its id. Not retried: the insert may have committed before a
   * connection broke.
   */
  public long post(String author, String text) throws SQLException {
    return database.run(connection -> insert(connection, author, text), false);
  }

  /** Returns the latest messages, newest first. */
  public List<Message> latest(int limit) throws SQLException {
    return database.run(connection -> select(connection, limit), true);
  }

  private static long insert(Connection connection, String author, String text)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
      statement.setString(1, author);
      statement.setString(2, text);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static List<Message> select(Connection connection, int limit) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(LATEST)) {
      statement.setInt(1, limit);
      List<Message> messages = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          java.sql.Timestamp postedAt = rows.getTimestamp(4);
          messages.add(
              new Message(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  postedAt == null ? null : postedAt.toLocalDateTime().toString()));
        }
      }
      return messages;
    }
  }
}
