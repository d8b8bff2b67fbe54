package com.acme;

import dev.toolsmith.annotations.McpTool;

/** The first server of the message-board tutorial: one tool, a canned answer. */
public class Weather {
  /**
   * Returns the current weather for a city.
   *
   * @param city the city's name, for example {@code "Lisbon"}
   */
  @McpTool(readOnly = true, openWorld = false)
  public String getWeather(String city) {
    return "The weather in " + city + " is sunny and 72°F.";
  }
}
