package dev.toolsmith.runtime.jetty;

import dev.toolsmith.runtime.testing.HeldStreamsContract;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The held-stream contract on the Jetty server. */
class JettyHeldStreamsTest extends HeldStreamsContract {
  private static McpHttpServer http;

  @BeforeAll
  static void start() throws Exception {
    http = McpHttpServer.builder(mcpServer()).port(0).stopOnSignal(false).start();
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Override
  protected URI url() {
    return http.url();
  }
}
