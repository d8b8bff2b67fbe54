package dev.toolsmith.runtime.servlet;

import dev.toolsmith.runtime.server.McpServer;
import java.net.URI;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/** An embedded Tomcat on a free loopback port with the MCP servlet at {@code /mcp}. */
final class Tomcats implements AutoCloseable {
  private final Tomcat tomcat;
  private final URI url;

  Tomcats(McpServer server) throws Exception {
    tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.getConnector().setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "mcp", new McpServlet(server));
    context.addServletMappingDecoded("/mcp", "mcp");
    tomcat.start();
    url = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/mcp");
  }

  URI url() {
    return url;
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }
}
