package dev.toolsmith.runtime.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The AWS Lambda service on loopback, as much of it as a function and its callers use: the Runtime
 * API that the real runtime interface client polls for invocations, and the {@code Invoke} API that
 * a function calls (through the AWS SDK) to invoke itself asynchronously.
 *
 * <p>Invocations queue up and go to whichever runtime client asks next, so several runtime clients
 * against one service are several execution environments of one function, as Lambda scales out. A
 * test invokes as API Gateway does ({@link #invoke}) and waits for the response; an {@code Event}
 * invocation from a function is accepted with 202 and queued the same way.
 */
public final class FakeLambdaService implements AutoCloseable {
  /**
   * The X-Ray trace header every invocation gets ({@code Lambda-Runtime-Trace-Id}), sampled and
   * with a parent, as Lambda sends it when active tracing is on.
   */
  public static final String TRACE_HEADER =
      "Root=1-5f84c7a9-0c0ed5e5bf2ab6b4f0e4b9d1;Parent=53995c3f42cd8ad8;Sampled=1";

  private static final String NEXT = "/2018-06-01/runtime/invocation/next";
  private static final String INVOKE_PREFIX = "/2015-03-31/functions/";

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();
  private final List<String> asyncInvocations = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.Semaphore polls = new java.util.concurrent.Semaphore(0);
  private final HttpServer http;

  /** Starts the service on a free loopback port. */
  public FakeLambdaService() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "fake-lambda-service");
              thread.setDaemon(true);
              return thread;
            }));
    http.createContext("/", this::handle);
    http.start();
  }

  /** Returns the value of {@code AWS_LAMBDA_RUNTIME_API} for runtime clients: host and port. */
  public String runtimeApi() {
    return "127.0.0.1:" + http.getAddress().getPort();
  }

  /** Returns the endpoint of the {@code Invoke} API, for {@code AWS_ENDPOINT_URL_LAMBDA}. */
  public URI endpoint() {
    return URI.create("http://" + runtimeApi());
  }

  /** Queues an invocation and returns its response when a runtime client has answered it. */
  public CompletableFuture<String> invoke(String event) {
    return invoke(event, null);
  }

  /**
   * Queues an invocation with a client context, as Bedrock AgentCore Gateway sends one, and returns
   * its response when a runtime client has answered it.
   *
   * @param clientContext the client context as JSON, or {@code null} for none
   */
  public CompletableFuture<String> invoke(String event, String clientContext) {
    String id = UUID.randomUUID().toString();
    CompletableFuture<String> response = new CompletableFuture<>();
    inFlight.put(id, response);
    queue.add(new Pending(id, event, clientContext));
    return response;
  }

  /** Returns the events functions sent with asynchronous ({@code Event}) invocations, in order. */
  public List<String> asyncInvocations() {
    return List.copyOf(asyncInvocations);
  }

  /** Returns the invocation errors runtime clients reported. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  /**
   * Starts the real AWS Lambda runtime interface client in its own JVM on this JVM's class path,
   * serving a handler against this service, as one execution environment; returns once it has asked
   * for its first invocation. Runtime clients are started one after another because each unpacks
   * its native library to the same file in {@code /tmp}, which clients starting together would
   * overwrite under each other.
   *
   * @param handler the handler, such as {@code com.example.Handler::handleRequest}
   * @param environment the function's configuration, on top of what Lambda itself sets
   */
  public Process startRuntimeClient(String handler, Map<String, String> environment)
      throws IOException {
    return startRuntimeClient(
        handler,
        environment,
        System.getProperty("java.class.path")
            + File.pathSeparator
            + System.getProperty("surefire.test.class.path", ""));
  }

  /**
   * Starts the runtime client as {@link #startRuntimeClient(String, Map)} does, on this class path:
   * a deployment package and {@link #runtimeClientClassPath()}, to run a jar exactly as Lambda
   * would.
   */
  public Process startRuntimeClient(
      String handler, Map<String, String> environment, String classPath) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return startRuntimeClient(
        List.of(
            java.toString(),
            "-cp",
            classPath,
            "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
            handler),
        environment,
        Files.createTempFile("lambda-ric", ".log"));
  }

  /**
   * Starts a runtime client with a command line of the caller's, such as a container image's {@code
   * ENTRYPOINT} and {@code CMD}, as {@link #startRuntimeClient(String, Map)} does otherwise; its
   * output and errors go to {@code log}.
   */
  public Process startRuntimeClient(List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi());
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "test");
    env.putAll(environment);
    env.putIfAbsent(
        "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + env.get("AWS_LAMBDA_FUNCTION_NAME"));
    polls.drainPermits();
    Process process = builder.start();
    try {
      if (!polls.tryAcquire(60, TimeUnit.SECONDS)) {
        process.destroy();
        throw new IOException("The runtime client did not ask for an invocation within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      throw new IOException("Interrupted while the runtime client started", e);
    }
    return process;
  }

  /**
   * Returns the class path of the runtime interface client itself, from this JVM's class path (the
   * test's dependency on {@code aws-lambda-java-runtime-interface-client}): what Lambda's Java
   * runtime puts beside a deployment package.
   */
  public static String runtimeClientClassPath() {
    List<String> jars = new ArrayList<>();
    for (String entry :
        (System.getProperty("java.class.path")
                + File.pathSeparator
                + System.getProperty("surefire.test.class.path", ""))
            .split(File.pathSeparator)) {
      if ((entry.contains("aws-lambda-java-runtime-interface-client")
              || entry.contains("aws-lambda-java-serialization"))
          && !jars.contains(entry)) {
        jars.add(entry);
      }
    }
    if (jars.isEmpty()) {
      throw new IllegalStateException(
          "aws-lambda-java-runtime-interface-client is not on the class path; add it as a test dependency");
    }
    return String.join(File.pathSeparator, jars);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (path.equals(NEXT)) {
        next(exchange);
      } else if (path.startsWith(INVOKE_PREFIX) && path.endsWith("/invocations")) {
        invoked(exchange, new String(body, StandardCharsets.UTF_8));
      } else {
        answered(path, new String(body, StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(202, -1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void next(HttpExchange exchange) throws IOException, InterruptedException {
    polls.release();
    Pending next = queue.poll(10, TimeUnit.MINUTES);
    if (next == null) {
      exchange.sendResponseHeaders(500, -1);
      return;
    }
    var headers = exchange.getResponseHeaders();
    // The native client needs a Content-Type, or it crashes on a null header.
    headers.set("Content-Type", "application/json");
    headers.set("Lambda-Runtime-Aws-Request-Id", next.id());
    headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 900_000));
    headers.set(
        "Lambda-Runtime-Invoked-Function-Arn",
        "arn:aws:lambda:us-east-1:123456789012:function:test");
    headers.set("Lambda-Runtime-Trace-Id", FakeLambdaService.TRACE_HEADER);
    if (next.clientContext() != null) {
      headers.set("Lambda-Runtime-Client-Context", next.clientContext());
    }
    byte[] event = next.event().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, event.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(event);
    }
  }

  /** {@code Invoke}: an {@code Event} invocation is queued and accepted; others are refused. */
  private void invoked(HttpExchange exchange, String event) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
    if (!"Event".equals(type)) {
      errors.add("Invoke with X-Amz-Invocation-Type " + type + "; only Event is served here");
      exchange.sendResponseHeaders(400, -1);
      return;
    }
    asyncInvocations.add(event);
    queue.add(new Pending(UUID.randomUUID().toString(), event, null));
    exchange.sendResponseHeaders(202, -1);
  }

  private void answered(String path, String body) {
    String[] parts = path.split("/");
    String id = parts.length >= 2 ? parts[parts.length - 2] : "";
    CompletableFuture<String> response = inFlight.remove(id);
    if (path.endsWith("/response")) {
      if (response != null) {
        response.complete(body);
      }
    } else {
      errors.add(path + ": " + body);
      if (response != null) {
        response.completeExceptionally(new IllegalStateException(path + ": " + body));
      }
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }

  private record Pending(String id, String event, String clientContext) {}
}
