package dev.toolsmith.runtime.servlet;

import dev.toolsmith.runtime.testing.HeldStreamsContract;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The held-stream contract on the servlet adapter, in a real Tomcat 11. */
class ServletHeldStreamsTest extends HeldStreamsContract {
  private static Tomcats tomcat;

  @BeforeAll
  static void start() throws Exception {
    tomcat = new Tomcats(mcpServer());
  }

  @AfterAll
  static void stop() throws Exception {
    tomcat.close();
  }

  @Override
  protected URI url() {
    return tomcat.url();
  }
}
