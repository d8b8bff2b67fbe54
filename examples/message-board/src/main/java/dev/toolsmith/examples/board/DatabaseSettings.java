package dev.toolsmith.examples.board;

import java.util.Map;

/**
 * Where the board's database is, from environment variables: {@code DATABASE_URL} (a JDBC URL) with
 * {@code DB_USER} and {@code DB_PASSWORD}, or the tutorial's {@code DB_HOST}, {@code DB_PORT},
 * {@code DB_NAME}, {@code DB_USER} and {@code DB_PASSWORD}.
 */
final class DatabaseSettings {
  private DatabaseSettings() {}

  /**
   * Returns the pool the environment describes.
   *
   * @throws IllegalStateException naming the variables to set, when neither form is complete
   */
  static Database fromEnvironment(Map<String, String> env, int maxSize) {
    String user = env.get("DB_USER");
    String password = env.get("DB_PASSWORD");
    String url = env.get("DATABASE_URL");
    if (url == null || url.isBlank()) {
      String host = env.get("DB_HOST");
      String name = env.get("DB_NAME");
      if (host == null || name == null) {
        throw new IllegalStateException(
            "The message board needs its database: set DATABASE_URL (such as "
                + "jdbc:postgresql://db.example.com:5432/board?sslmode=require), or DB_HOST and DB_NAME, plus DB_USER and "
                + "DB_PASSWORD.");
      }
      url =
          "jdbc:postgresql://"
              + host
              + ":"
              + env.getOrDefault("DB_PORT", "5432")
              + "/"
              + name
              + "?sslmode="
              + env.getOrDefault("DB_SSLMODE", "require");
    }
    if (user == null || user.isBlank()) {
      throw new IllegalStateException(
          "The message board needs DB_USER (and DB_PASSWORD) for its database.");
    }
    return new Database(url, user, password, maxSize);
  }
}
