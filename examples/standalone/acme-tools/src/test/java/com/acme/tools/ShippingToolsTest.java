package com.acme.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.test.IndexSnapshot;
import dev.toolsmith.test.McpTestClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pack as a server discovers it, through the services file its build wrote, and builds it with
 * the settings it provides.
 */
class ShippingToolsTest {
  private final McpTestClient client =
      McpTestClient.of(
          McpServer.builder()
              .name("acme-test")
              .provide(ShippingTools.ShippingSettings.class, new ShippingTools.ShippingSettings(400))
              .build());

  @Test
  void thePackIsDiscovered_underItsNamespace() {
    assertEquals(List.of("acme_quote_shipping"), client.toolNames());
  }

  @Test
  void thePackSaysWhereItComesFrom() {
    ShippingTools_McpTools pack = new ShippingTools_McpTools();
    assertEquals("com.acme:acme-tools:1.1.0", pack.coordinates());
  }

  @Test
  void aQuote_usesTheDefaultSpeed() {
    Map<String, Object> parcel = Map.of("weightGrams", 1000, "destination", "PT");
    assertEquals(
        "{\"cents\":500,\"days\":4}",
        client
            .call("acme_quote_shipping", Map.of("parcels", List.of(parcel)))
            .assertOk()
            .structuredContent()
            .toString());
  }

  @Test
  void express_isSentByItsJsonName() {
    Map<String, Object> parcel = Map.of("weightGrams", 1000, "destination", "PT");
    assertEquals(
        "{\"cents\":1000,\"days\":1}",
        client
            .call("acme_quote_shipping", Map.of("parcels", List.of(parcel), "speed", "express"))
            .assertOk()
            .structuredContent()
            .toString());
  }

  @Test
  void insurance_new_in110_costsTwoPercent() {
    Map<String, Object> parcel = Map.of("weightGrams", 1000, "destination", "PT");
    assertEquals(
        "{\"cents\":510,\"days\":4}",
        client
            .call("acme_quote_shipping", Map.of("parcels", List.of(parcel), "insured", true))
            .assertOk()
            .structuredContent()
            .toString());
  }

  @Test
  void theSchemas_matchTheirReviewedSnapshot() {
    // The snapshot holds the records' descriptions and the enum's JSON names as models see them.
    IndexSnapshot.assertUnchanged(ShippingTools.class, Path.of("src/test/snapshots"));
  }
}
