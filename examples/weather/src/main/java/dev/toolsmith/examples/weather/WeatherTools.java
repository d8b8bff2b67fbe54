package dev.toolsmith.examples.weather;

import dev.toolsmith.annotations.McpTool;

/** The weather tool from the tutorial: no state, no API call, just enough to see a model use it. */
public final class WeatherTools {

  /**
   * Return the current weather for a given city.
   *
   * @param city the city to report on, for example "Paris"
   */
  @McpTool(readOnly = true, openWorld = false)
  public String getWeather(String city) {
    return "The weather in " + city + " is sunny and 72°F.";
  }
}
