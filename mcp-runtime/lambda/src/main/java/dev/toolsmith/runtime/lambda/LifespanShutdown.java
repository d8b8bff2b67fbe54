package dev.toolsmith.runtime.lambda;

import dev.toolsmith.runtime.server.McpServer;

/**
 * Closes a server's resources when the JVM shuts down. Lambda's Java runtime stops the JVM with
 * SIGTERM at the end of an execution environment's life when the function has an extension
 * registered (any external extension, or an internal one such as the Lambda Insights agent);
 * without one, the environment is frozen and reclaimed and nothing runs.
 */
final class LifespanShutdown implements Runnable {
  private final McpServer server;

  LifespanShutdown(McpServer server) {
    this.server = server;
  }

  @Override
  public void run() {
    server.close();
  }
}
