package dev.toolsmith.runtime.lambda;

import dev.toolsmith.runtime.internal.lifecycle.Priming;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run for a class-data archive of a Lambda deployable: a JVM started with {@code
 * -XX:ArchiveClassesAtExit} (JDK 17 and 21) or {@code -XX:AOTCacheOutput} (JDK 25) runs this {@code
 * main}, and the archive it leaves holds every class the handler's request path loaded, so later
 * cold starts map them instead of loading, verifying and linking them one by one.
 *
 * <pre>
 * java -XX:ArchiveClassesAtExit=app.jsa -cp app.jar \
 *     dev.toolsmith.runtime.lambda.ArchiveTraining com.example.MyHandler
 * </pre>
 *
 * <p>It constructs the handler as Lambda does and runs the same path a SnapStart checkpoint runs:
 * the server's priming requests ({@code server/discover}, {@code tools/list} and each {@code
 * primingCall}) as API Gateway events through the handler, the session store's priming (the
 * DynamoDB store's first call, answered without the network), and the lifespan's checkpoint and
 * restore hooks. So it needs the environment the function has ({@code MCP_SESSION_TABLE}, {@code
 * AWS_REGION}, the authenticator's variables), though no AWS account unless a priming call reaches
 * one. It exits 1 when a priming request is not answered with HTTP 200, so a broken training run
 * fails the build rather than leaving a thin archive.
 *
 * <p>A container image that runs the Lambda runtime interface client on its own JVM trains with the
 * client on the class path and {@code AWS_LAMBDA_RUNTIME_API} set to a free loopback address: the
 * priming requests then go through the client too, against a Runtime API this run serves there, so
 * the client's own start is in the archive as well.
 *
 * <pre>
 * AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001 java -XX:ArchiveClassesAtExit=/function/app.jsa \
 *     -cp /function/app.jar:/function/aws-lambda-java-runtime-interface-client.jar:... \
 *     dev.toolsmith.runtime.lambda.ArchiveTraining com.example.MyHandler
 * </pre>
 *
 * <p>An archive fits only the JVM build and class path it was trained on; see {@code
 * docs/deployments.md} for building it for Lambda's own JVM.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  /**
   * Trains on the handler class named by the one argument.
   *
   * @param args the fully qualified name of a {@link McpLambdaHandler} subclass with a public
   *     no-argument constructor
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println(
          "Usage: java -XX:ArchiveClassesAtExit=<file> -cp <jar> "
              + ArchiveTraining.class.getName()
              + " <handler class>");
      System.exit(2);
    }
    McpLambdaHandler handler = handler(args[0]);
    boolean trained = train(handler);
    String runtimeApi = System.getenv("AWS_LAMBDA_RUNTIME_API");
    if (trained && RuntimeClientTraining.requested(runtimeApi)) {
      trained = trainRuntimeClient(runtimeApi, args[0], handler.server().priming());
    }
    System.exit(trained ? 0 : 1);
  }

  /**
   * Sends the priming requests once more through the runtime interface client, which builds its own
   * handler (so they carry no priming credential now that priming is closed); returns whether it
   * answered each one.
   */
  private static boolean trainRuntimeClient(String runtimeApi, String handler, Priming priming)
      throws InterruptedException {
    List<byte[]> events = new ArrayList<>();
    for (Priming.Request request : priming.requests()) {
      events.add(SnapStartHooks.event(request, priming.headers(request)));
    }
    try {
      List<Integer> statuses = RuntimeClientTraining.train(runtimeApi, handler, events);
      System.err.println(
          "[toolsmith] Archive training of "
              + handler
              + " through the Lambda runtime interface client: "
              + statuses.size()
              + " requests answered "
              + statuses);
      return true;
    } catch (IOException e) {
      System.err.println("[toolsmith] " + e.getMessage());
      return false;
    }
  }

  /** Runs the training path once; returns whether every priming request was answered with 200. */
  static boolean train(McpLambdaHandler handler) throws Exception {
    List<Integer> statuses = SnapStartHooks.prime(handler);
    SnapStartHooks.checkpointResources(handler);
    SnapStartHooks.afterRestore(handler);
    boolean ok = statuses.stream().allMatch(status -> status == 200);
    System.err.println(
        "[toolsmith] Archive training of "
            + handler.getClass().getName()
            + ": "
            + statuses.size()
            + " priming requests answered "
            + statuses
            + (ok ? "" : "; every one must answer 200"));
    return ok;
  }

  private static McpLambdaHandler handler(String name) throws Exception {
    Class<?> type;
    try {
      type = Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "No class " + name + " on the class path; name the handler Lambda runs", e);
    }
    if (!McpLambdaHandler.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          name + " is not a " + McpLambdaHandler.class.getName() + " subclass");
    }
    return (McpLambdaHandler) type.getDeclaredConstructor().newInstance();
  }
}
