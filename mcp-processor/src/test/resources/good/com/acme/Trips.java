package com.acme;

import dev.toolsmith.annotations.McpParam;
import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.RequestContext;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Trip planning: records, enums, constraints, recursion and injected context. */
public class Trips {
  /**
   * A place on Earth.
   *
   * @param lat latitude in degrees
   * @param lon longitude in degrees
   */
  public record Location(@Min(-90) @Max(90) double lat, @Min(-180) @Max(180) double lon) {}

  /** How to travel. */
  public enum Mode { WALK, BIKE, TRAIN }

  /**
   * One day of a forecast.
   *
   * @param date the day, ISO 8601
   * @param high the highest temperature
   * @param note anything worth knowing
   */
  public record Day(String date, double high, Optional<String> note) {}

  /**
   * A stop on a route, and the stops that branch from it.
   *
   * @param name the stop's name
   * @param branches stops reachable from here
   */
  public record Stop(String name, List<Stop> branches) {}

  private final String greeting;

  public Trips() {
    this("Hello");
  }

  public Trips(String greeting) {
    this.greeting = greeting;
  }

  /**
   * Forecasts the weather at a place.
   *
   * @param where where to forecast
   * @param days how many days, today included
   * @param unit "C" or "F"
   */
  @McpTool(title = "Forecast", readOnly = true)
  public List<Day> forecast(Location where, @Min(1) @Max(14) int days, Optional<String> unit) {
    return List.of(new Day("2026-07-28", 21.5, Optional.empty()));
  }

  /**
   * Plans a route between two places.
   *
   * @param from where the trip starts
   * @param to where it ends
   * @param mode how to travel
   * @param avoid places to keep away from
   */
  @McpTool(name = "plan_route", destructive = false)
  public Stop plan(Location from, Location to, Mode mode, @Nullable List<Location> avoid, RequestContext context) {
    return new Stop(greeting + " " + mode, List.of());
  }

  /**
   * Books a ticket.
   *
   * @param email where to send the ticket
   * @param traveller the traveller's name
   * @param code the booking code
   */
  @McpTool(idempotent = true)
  public Map<String, Integer> book(@Email String email, @NotBlank @Size(max = 40) String traveller,
      @McpParam(name = "booking_code", description = "Six capital letters") @Pattern(regexp = "[A-Z]{6}") String code) {
    return Map.of("seat", 12);
  }
}
