package com.acme.tools;

import dev.toolsmith.annotations.McpEnumValue;
import dev.toolsmith.annotations.McpNamespace;
import dev.toolsmith.annotations.McpParam;
import dev.toolsmith.annotations.McpTool;
import java.util.List;

/**
 * Shipping quotes, as a pack published to Maven Central might offer them. Its tools are named
 * {@code acme_...}, so they cannot clash with another pack's; it takes its settings in its
 * constructor, so a server that discovers it builds it with {@code provide(ShippingSettings.class,
 * ...)}.
 */
@McpNamespace("acme")
public class ShippingTools {
  /**
   * What a server configures.
   *
   * @param baseCents what every shipment costs before its weight, in euro cents
   */
  public record ShippingSettings(long baseCents) {
    /** Reads {@code ACME_BASE_CENTS}, 400 when it is not set. */
    public static ShippingSettings fromEnvironment() {
      String base = System.getenv("ACME_BASE_CENTS");
      return new ShippingSettings(base == null ? 400 : Long.parseLong(base));
    }
  }

  private final ShippingSettings settings;

  /** Creates the tools with the server's settings. */
  public ShippingTools(ShippingSettings settings) {
    this.settings = settings;
  }

  /** How fast a parcel travels. */
  public enum Speed {
    @McpEnumValue("economy")
    ECONOMY,
    @McpEnumValue("express")
    EXPRESS
  }

  /**
   * A parcel to ship.
   *
   * @param weightGrams its weight in grams
   * @param destination the destination country, as an ISO 3166 code such as "PT"
   */
  public record Parcel(int weightGrams, String destination) {}

  /**
   * A price for shipping parcels.
   *
   * @param cents the price in euro cents
   * @param days how many days delivery takes
   */
  public record Quote(long cents, int days) {}

  /**
   * Quotes the price of shipping parcels.
   *
   * @param parcels the parcels, shipped together
   * @param speed how fast they should arrive
   * @param insured whether the parcels are insured, for 2% of the price (new in 1.1.0)
   */
  @McpTool(readOnly = true)
  public Quote quoteShipping(
      List<Parcel> parcels,
      @McpParam(defaultValue = "economy") Speed speed,
      @McpParam(defaultValue = "false") boolean insured) {
    long grams = 0;
    for (Parcel parcel : parcels) {
      grams += parcel.weightGrams();
    }
    long cents = settings.baseCents() + grams / 10;
    cents = insured ? cents + cents / 50 : cents;
    return speed == Speed.EXPRESS ? new Quote(cents * 2, 1) : new Quote(cents, 4);
  }
}
