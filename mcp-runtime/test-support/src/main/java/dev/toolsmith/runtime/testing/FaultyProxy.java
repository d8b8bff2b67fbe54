package dev.toolsmith.runtime.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of a real AWS-protocol service (DynamoDB Local) that injects the faults
 * production sees, between the real client and the real server: throttling answered in DynamoDB's
 * own error shape, a dropped connection (an outage), and a response held back past the client's
 * timeout after the request was applied (a timeout whose write still happened). Faults are drawn
 * from a seeded random source, so a failing run can be repeated.
 */
public final class FaultyProxy implements AutoCloseable {
  /** What happens to one request. */
  public enum Fault {
    /** Forwarded, and the answer returned. */
    NONE,
    /** Not forwarded: DynamoDB's {@code ProvisionedThroughputExceededException}, HTTP 400. */
    THROTTLE,
    /** Not forwarded: the connection closes without an answer. */
    DROP,
    /** Forwarded and applied, but the answer comes only after {@code slowFor}. */
    SLOW_AFTER_APPLY
  }

  private static final byte[] THROTTLED =
      ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
              + "\"message\":\"The level of configured provisioned throughput for the table was "
              + "exceeded.\"}")
          .getBytes(StandardCharsets.UTF_8);

  /** Headers the JDK client sets itself. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI target;
  private final Random random;
  private final Map<Fault, AtomicInteger> counts = new EnumMap<>(Fault.class);
  private volatile double throttle;
  private volatile double drop;
  private volatile double slow;
  private volatile Duration slowFor = Duration.ofSeconds(1);
  private volatile boolean firstAttemptsOnly;
  private final Set<String> seenBodies = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private FaultyProxy(URI target, long seed) throws IOException {
    this.target = target;
    this.random = new Random(seed);
    for (Fault fault : Fault.values()) {
      counts.put(fault, new AtomicInteger());
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Starts a proxy to {@code target} on a free loopback port, passing everything through. */
  public static FaultyProxy start(URI target, long seed) throws IOException {
    return new FaultyProxy(target, seed);
  }

  /** Returns where the proxy listens, for the client's endpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Sets the share of requests that get each fault; the rest pass through.
   *
   * @param slowFor how long a {@link Fault#SLOW_AFTER_APPLY} answer is held back
   */
  public FaultyProxy faults(double throttle, double drop, double slow, Duration slowFor) {
    if (throttle + drop + slow > 1) {
      throw new IllegalArgumentException("The fault shares add up to more than 1");
    }
    this.throttle = throttle;
    this.drop = drop;
    this.slow = slow;
    this.slowFor = slowFor;
    return this;
  }

  /** Passes everything through from now on. */
  public FaultyProxy healthy() {
    firstAttemptsOnly = false;
    return faults(0, 0, 0, slowFor);
  }

  /**
   * Applies every new request but loses its answer ({@link Fault#SLOW_AFTER_APPLY}), and passes the
   * client's retries of it (the same body again) through: the exact case of a write that happened,
   * whose client did not hear so and tried again.
   */
  public FaultyProxy loseFirstAnswers(Duration slowFor) {
    faults(0, 0, 1.0, slowFor);
    seenBodies.clear();
    firstAttemptsOnly = true;
    return this;
  }

  /** Returns how many requests got this fault so far. */
  public int count(Fault fault) {
    return counts.get(fault).get();
  }

  private Fault pick() {
    double draw;
    synchronized (random) {
      draw = random.nextDouble();
    }
    if (draw < throttle) {
      return Fault.THROTTLE;
    }
    if (draw < throttle + drop) {
      return Fault.DROP;
    }
    if (draw < throttle + drop + slow) {
      return Fault.SLOW_AFTER_APPLY;
    }
    return Fault.NONE;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Fault fault = pick();
    if (firstAttemptsOnly && !seenBodies.add(new String(body, StandardCharsets.ISO_8859_1))) {
      fault = Fault.NONE;
    }
    counts.get(fault).incrementAndGet();
    try {
      switch (fault) {
        case THROTTLE -> respond(exchange, 400, "application/x-amz-json-1.0", THROTTLED);
        case DROP -> exchange.close();
        default -> {
          HttpResponse<byte[]> answer = forward(exchange, body);
          if (fault == Fault.SLOW_AFTER_APPLY) {
            Thread.sleep(slowFor.toMillis());
          }
          respond(
              exchange,
              answer.statusCode(),
              answer.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.0"),
              answer.body());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } catch (IOException e) {
      // The client gave up (a timeout it was meant to hit): nobody is left to answer.
      exchange.close();
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        for (String value : header.getValue()) {
          request.header(header.getKey(), value);
        }
      }
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
