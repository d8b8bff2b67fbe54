package com.acme.tools;

import dev.toolsmith.annotations.McpEnumValue;
import dev.toolsmith.annotations.McpParam;
import dev.toolsmith.annotations.McpTool;
import java.util.List;

/** Shipping quotes, as a pack published to Maven Central might offer them. */
public class ShippingTools {
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
   */
  @McpTool(name = "acme_quote_shipping", readOnly = true)
  public Quote quoteShipping(
      List<Parcel> parcels, @McpParam(defaultValue = "economy") Speed speed) {
    long grams = 0;
    for (Parcel parcel : parcels) {
      grams += parcel.weightGrams();
    }
    long cents = 400 + grams / 10;
    return speed == Speed.EXPRESS ? new Quote(cents * 2, 1) : new Quote(cents, 4);
  }
}
