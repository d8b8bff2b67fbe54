package dev.toolsmith.examples.weather;

import dev.toolsmith.runtime.lambda.McpLambdaHandler;

/**
 * The weather server on AWS Lambda: set the function's handler to {@code
 * dev.toolsmith.examples.weather.WeatherHandler} and put API Gateway, a Function URL, an ALB or
 * AgentCore Gateway in front of it.
 */
public final class WeatherHandler extends McpLambdaHandler {

  /** Builds the server once, when Lambda loads the function; warm invocations reuse it. */
  public WeatherHandler() {
    super(WeatherServer.create());
  }
}
