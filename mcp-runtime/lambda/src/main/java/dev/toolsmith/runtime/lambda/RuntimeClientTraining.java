package dev.toolsmith.runtime.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The part of an archive's training that goes through the Lambda runtime interface client, for a
 * container image that runs the client on its own JVM ({@code examples/weather/Dockerfile}): the
 * client's classes, its native library's loading and the handler's loading by it are then in the
 * archive too, which is a good part of what a cold start of such an image loads.
 *
 * <p>The client reads the Runtime API's address from {@code AWS_LAMBDA_RUNTIME_API} when it starts,
 * so the training run is started with that variable naming a free loopback address; this class
 * serves the Runtime API there, runs the client's {@code main} on the handler in this JVM, and
 * hands it the events one by one. The handler it builds is its own, so its requests carry no
 * priming credential; a server that requires authentication answers them 401, which still trains
 * the client's path, and only a missing answer fails the training. The Runtime API and the client
 * (waiting for an invocation that never comes) last until the training JVM exits, which is what
 * writes the archive.
 */
final class RuntimeClientTraining {
  /** The runtime interface client's main class, on the class path of images that run it. */
  static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
  private final ConcurrentHashMap<String, Invocation> inFlight = new ConcurrentHashMap<>();
  private final CompletableFuture<String> initError = new CompletableFuture<>();

  private record Invocation(String id, byte[] event, CompletableFuture<byte[]> answer) {}

  private RuntimeClientTraining(InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    // A call for the next invocation waits for one, so each call gets its own thread.
    server.setExecutor(
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "training-runtime-api");
              thread.setDaemon(true);
              return thread;
            }));
    server.createContext(PREFIX, this::handle);
    server.start();
  }

  /**
   * Returns whether this training run should go through the runtime client too: the client is on
   * the class path and {@code AWS_LAMBDA_RUNTIME_API} names the address to serve it on.
   */
  static boolean requested(String runtimeApi) {
    if (runtimeApi == null || runtimeApi.isBlank()) {
      return false;
    }
    try {
      Class.forName(RUNTIME_CLIENT, false, RuntimeClientTraining.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * Serves the Runtime API at {@code runtimeApi}, starts the runtime client on {@code handler} and
   * answers each event through it, in order.
   *
   * @param runtimeApi {@code host:port}, a loopback address
   * @param handler the handler class, as the image's {@code CMD} names it without {@code
   *     ::handleRequest}
   * @return the HTTP status of each answer, 0 for an invocation the handler failed
   * @throws IOException when the address is not loopback, cannot be bound, or an event is not
   *     answered within a minute
   */
  static List<Integer> train(String runtimeApi, String handler, List<byte[]> events)
      throws IOException, InterruptedException {
    RuntimeClientTraining training = new RuntimeClientTraining(loopback(runtimeApi));
    for (int i = 0; i < events.size(); i++) {
      training.pending.add(
          new Invocation("training-" + (i + 1), events.get(i), new CompletableFuture<>()));
    }
    List<Invocation> invocations = List.copyOf(training.pending);
    startRuntimeClient(handler + "::handleRequest");
    List<Integer> statuses = new ArrayList<>();
    for (Invocation invocation : invocations) {
      statuses.add(training.await(invocation));
    }
    return statuses;
  }

  private int await(Invocation invocation) throws IOException, InterruptedException {
    CompletableFuture<Object> first = CompletableFuture.anyOf(invocation.answer(), initError);
    try {
      Object answer = first.get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (answer instanceof String error) {
        throw new IOException("The runtime client could not start the handler: " + error);
      }
      byte[] response = (byte[]) answer;
      return response == null ? 0 : SnapStartHooks.statusOf(response);
    } catch (TimeoutException e) {
      throw new IOException(
          "The runtime client did not answer " + invocation.id() + " within " + ANSWER_TIMEOUT, e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }

  private static InetSocketAddress loopback(String runtimeApi) throws IOException {
    int colon = runtimeApi.lastIndexOf(':');
    try {
      if (colon > 0) {
        InetAddress address = InetAddress.getByName(runtimeApi.substring(0, colon));
        int port = Integer.parseInt(runtimeApi.substring(colon + 1));
        if (address.isLoopbackAddress()) {
          return new InetSocketAddress(address, port);
        }
      }
    } catch (UnknownHostException | NumberFormatException e) {
      // Refused below, with what to do instead.
    }
    throw new IOException(
        "AWS_LAMBDA_RUNTIME_API is '"
            + runtimeApi
            + "'; the training serves the Runtime API itself, so name a free loopback address"
            + " such as 127.0.0.1:9001");
  }

  private static void startRuntimeClient(String handler) {
    Thread client =
        new Thread(
            () -> {
              try {
                Class.forName(RUNTIME_CLIENT)
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {handler});
              } catch (InvocationTargetException e) {
                System.err.println("[toolsmith] The runtime client stopped: " + e.getCause());
              } catch (ReflectiveOperationException e) {
                System.err.println("[toolsmith] Cannot run the runtime client: " + e);
              }
            },
            "training-runtime-client");
    client.setDaemon(true);
    client.start();
  }

  /** One Runtime API call: the next invocation, or an invocation's response or error. */
  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (path.equals("invocation/next")) {
        next(exchange);
        return;
      }
      // Acknowledged before the training goes on, so the client never sees its answer refused.
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
      if (path.equals("init/error")) {
        initError.complete(new String(body, StandardCharsets.UTF_8));
      } else if (path.startsWith("invocation/")) {
        String[] parts = path.split("/");
        Invocation invocation = parts.length == 3 ? inFlight.remove(parts[1]) : null;
        if (invocation != null) {
          invocation.answer().complete(parts[2].equals("response") ? body : null);
        }
      }
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    Invocation invocation;
    try {
      invocation = pending.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(500, -1);
      return;
    }
    inFlight.put(invocation.id(), invocation);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("Lambda-Runtime-Aws-Request-Id", invocation.id());
    headers.set(
        "Lambda-Runtime-Deadline-Ms",
        Long.toString(System.currentTimeMillis() + ANSWER_TIMEOUT.toMillis()));
    headers.set(
        "Lambda-Runtime-Invoked-Function-Arn",
        "arn:aws:lambda:us-east-1:000000000000:function:archive-training");
    exchange.sendResponseHeaders(200, invocation.event().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(invocation.event());
    }
  }
}
