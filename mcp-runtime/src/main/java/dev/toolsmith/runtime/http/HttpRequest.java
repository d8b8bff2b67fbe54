package dev.toolsmith.runtime.http;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Objects;

/**
 * An HTTP request as every adapter hands it to the Streamable HTTP rules, whatever shape it
 * arrived in (a Lambda event, a JDK {@code HttpExchange}).
 *
 * @param method the HTTP method, upper case
 * @param path the request path, for messages only
 * @param headers the request headers
 * @param body the raw body, empty when there is none
 * @param lambdaContext the Lambda context when the request came through Lambda, else {@code null}
 */
public record HttpRequest(String method, String path, Headers headers, byte[] body, Context lambdaContext) {
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(headers, "headers");
    path = path == null ? "/" : path;
    body = body == null ? new byte[0] : body;
  }

  /** Returns a request that did not come through Lambda. */
  public static HttpRequest of(String method, String path, Headers headers, byte[] body) {
    return new HttpRequest(method, path, headers, body, null);
  }
}
