package dev.toolsmith.runtime.jetty;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run for a class-data archive of a container image: a JVM started with {@code
 * -XX:ArchiveClassesAtExit} (JDK 17 and 21) or {@code -XX:AOTCacheOutput} (JDK 25) runs the
 * application's own {@code main} through this class, which sends the server the requests a client
 * opens with, in both protocol eras, then exits; the archive holds every class the server loaded to
 * start and answer them, so the image's later starts map those classes instead of loading them.
 *
 * <pre>
 * PORT=18999 java -XX:ArchiveClassesAtExit=/app/app.jsa -cp /app/app.jar \
 *     dev.toolsmith.runtime.jetty.HttpArchiveTraining com.example.Main http://127.0.0.1:18999/mcp
 * java -XX:SharedArchiveFile=/app/app.jsa -jar /app/app.jar
 * </pre>
 *
 * <p>Run it in the image's build, on the image's own JVM and with the class path the image starts
 * with ({@code -cp app.jar} trains for {@code -jar app.jar}): an archive fits only the JVM build
 * and class path it was made on. The requests are {@code server/discover} and {@code tools/list}
 * (2026-07-28), then {@code initialize}, {@code notifications/initialized} and {@code tools/list}
 * (2025-11-25); no tool is called, so training changes nothing. They carry {@code Authorization:
 * Bearer $MCP_AUTH_TOKEN} when that variable is set. It exits 1 when the server never answers.
 */
public final class HttpArchiveTraining {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final String MODERN_META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{},"
          + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"toolsmith-training\",\"version\":\"1\"}}";

  private HttpArchiveTraining() {}

  /**
   * Starts {@code args[0]}'s {@code main} and trains against {@code args[1]}, the URL it serves.
   *
   * @param args the application's main class and its MCP endpoint
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println(
          "Usage: PORT=<port> java -XX:ArchiveClassesAtExit=<file> -cp <jar> "
              + HttpArchiveTraining.class.getName()
              + " <main class> <http://127.0.0.1:<port>/mcp>");
      System.exit(2);
    }
    Thread application = new Thread(() -> runMain(args[0]), "training-application");
    application.setDaemon(true);
    application.start();
    List<Integer> statuses = train(URI.create(args[1]), System.getenv("MCP_AUTH_TOKEN"));
    System.err.println(
        "[toolsmith] Archive training of " + args[0] + ": requests answered " + statuses);
    // Exiting here, with the server still up, is what writes the archive.
    System.exit(statuses.isEmpty() ? 1 : 0);
  }

  /**
   * Sends the training requests once the server answers; returns their HTTP statuses, or an empty
   * list when it never answered.
   */
  static List<Integer> train(URI endpoint, String token) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    List<Integer> statuses = new ArrayList<>();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    String discover =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{"
            + MODERN_META
            + "}}";
    while (statuses.isEmpty()) {
      try {
        statuses.add(post(client, endpoint, token, "2026-07-28", "server/discover", discover));
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          System.err.println("[toolsmith] " + endpoint + " never answered: " + e);
          return List.of();
        }
        Thread.sleep(100);
      }
    }
    try {
      statuses.add(
          post(
              client,
              endpoint,
              token,
              "2026-07-28",
              "tools/list",
              "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{"
                  + MODERN_META
                  + "}}"));
      statuses.add(
          post(
              client,
              endpoint,
              token,
              null,
              "initialize",
              "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{"
                  + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                  + "\"clientInfo\":{\"name\":\"toolsmith-training\",\"version\":\"1\"}}}"));
      statuses.add(
          post(
              client,
              endpoint,
              token,
              "2025-11-25",
              null,
              "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
      statuses.add(
          post(
              client,
              endpoint,
              token,
              "2025-11-25",
              null,
              "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}"));
    } catch (IOException e) {
      System.err.println("[toolsmith] A training request failed: " + e);
    }
    return statuses;
  }

  private static int post(
      HttpClient client, URI endpoint, String token, String version, String method, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (version != null) {
      request.header("MCP-Protocol-Version", version);
    }
    if (method != null && "2026-07-28".equals(version)) {
      request.header("Mcp-Method", method);
    }
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token.trim());
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void runMain(String name) {
    try {
      Class.forName(name).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    } catch (InvocationTargetException e) {
      System.err.println("[toolsmith] " + name + ".main failed: " + e.getCause());
      System.exit(1);
    } catch (ReflectiveOperationException e) {
      System.err.println("[toolsmith] Cannot run " + name + ".main: " + e);
      System.exit(1);
    }
  }
}
