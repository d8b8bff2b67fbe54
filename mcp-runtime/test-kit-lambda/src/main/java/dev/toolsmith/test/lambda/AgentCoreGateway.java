package dev.toolsmith.test.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.toolsmith.runtime.internal.json.Json;
import dev.toolsmith.test.JsonValues;
import java.util.Map;

/**
 * An invocation as a Bedrock AgentCore Gateway Lambda target receives it: the event is the tool's
 * arguments, and the client context names the tool as the gateway exposes it, {@code
 * <target>___<tool>}.
 *
 * <pre>{@code
 * LambdaResponse response = AgentCoreGateway.invoke(new WeatherHandler(),
 *     "weather___get_weather", Map.of("city", "Lisbon"));
 * response.raw().at("/content/0/text"); // the tool's result, not an HTTP response
 * }</pre>
 */
public final class AgentCoreGateway {
  private AgentCoreGateway() {}

  /** Returns the event the gateway sends: the arguments, written as JSON. */
  public static String event(Map<String, ?> arguments) {
    return Json.toString(JsonValues.toJson(arguments));
  }

  /**
   * Invokes the handler as the gateway does, with {@link TestContext#agentCoreGateway} for the
   * exposed tool name.
   */
  public static LambdaResponse invoke(
      RequestStreamHandler handler, String exposedToolName, Map<String, ?> arguments) {
    return LambdaResponse.invoke(
        handler, event(arguments), TestContext.agentCoreGateway(exposedToolName));
  }
}
