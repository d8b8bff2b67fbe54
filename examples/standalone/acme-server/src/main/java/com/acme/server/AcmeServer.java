package com.acme.server;

import com.acme.tools.ShippingTools.ShippingSettings;
import dev.toolsmith.runtime.jetty.McpHttpServer;
import dev.toolsmith.runtime.server.McpServer;

/**
 * A server whose only tools come from the acme-tools jar: discovered, not registered, and given
 * the settings its tool class takes.
 */
public final class AcmeServer {
  private AcmeServer() {}

  /** Returns the MCP server: every pack on the class path, with the settings they take. */
  public static McpServer create() {
    return McpServer.builder()
        .name("acme")
        .version("1.0.0")
        .provide(ShippingSettings.class, ShippingSettings.fromEnvironment())
        .build();
  }

  /** Serves on {@code http://127.0.0.1:8080/mcp}, or the port in {@code PORT}. */
  public static void main(String[] args) throws Exception {
    String port = System.getenv().getOrDefault("PORT", "8080");
    McpHttpServer.builder(create()).port(Integer.parseInt(port)).start().awaitStop();
  }
}
