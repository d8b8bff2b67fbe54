package dev.toolsmith.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Optional;

/**
 * What a tool may know about the request that called it.
 *
 * <p>Declare a parameter of this type on an {@code @McpTool} method and the runtime passes the
 * current request's context; the parameter is not part of the tool's input schema.
 */
public interface RequestContext {

  /** Returns the JSON-RPC request id as text, or an empty string when the call had none. */
  String requestId();

  /** Returns the protocol revision the client speaks, for example {@code 2025-11-25}. */
  String protocolVersion();

  /** Returns the value of a request header (names are case-insensitive), if the transport has headers. */
  Optional<String> header(String name);

  /**
   * Returns the AWS Lambda context when the request arrived through the Lambda adapter, or
   * {@code null} elsewhere.
   */
  Context lambdaContext();

  /** Returns a context with no request behind it, for calling a tool pack directly (tests, scripts). */
  static RequestContext none() {
    return NoRequestContext.INSTANCE;
  }
}
