package dev.toolsmith.runtime.local;

import dev.toolsmith.runtime.testing.HeldStreamsContract;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The held-stream contract on the JDK-based local server. */
class LocalHeldStreamsTest extends HeldStreamsContract {
  private static LocalMcpServer http;

  @BeforeAll
  static void start() throws Exception {
    http = LocalMcpServer.start(mcpServer(), 0);
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
