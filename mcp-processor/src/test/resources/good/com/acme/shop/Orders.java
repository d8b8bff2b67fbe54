package com.acme.shop;

import dev.toolsmith.annotations.McpEnumValue;
import dev.toolsmith.annotations.McpParam;
import dev.toolsmith.annotations.McpTool;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Orders, with the keywords target profiles restate: enums, formats, bounds, defaults, sets. */
public class Orders {
  /** How fast an order ships. */
  public enum Speed {
    @McpEnumValue("economy")
    ECONOMY,
    @McpEnumValue("express")
    EXPRESS
  }

  /**
   * One line of an order.
   *
   * @param sku the product's stock-keeping unit, such as "AB-1234"
   * @param quantity how many
   */
  public record Line(@Pattern(regexp = "^[A-Z]{2}-[0-9]{4}$") String sku, @Min(1) @Max(99) int quantity) {}

  /**
   * A placed order.
   *
   * @param id the order's id
   * @param placedAt when it was placed
   * @param lines what it holds
   */
  public record Order(UUID id, Instant placedAt, List<Line> lines) {}

  /**
   * Places an order.
   *
   * @param lines what to order, at most 20 lines
   * @param speed how fast it should arrive
   * @param coupon a coupon code, if the customer has one
   * @param tags labels for the order
   * @param callback where to send updates
   */
  @McpTool
  public Order placeOrder(
      @Size(min = 1, max = 20) List<Line> lines,
      @McpParam(defaultValue = "economy") Speed speed,
      Optional<String> coupon,
      Set<String> tags,
      URI callback) {
    return new Order(UUID.randomUUID(), Instant.now(), lines);
  }

  /** Lists the orders placed today. */
  @McpTool(readOnly = true)
  public List<Order> todaysOrders() {
    return List.of();
  }
}
