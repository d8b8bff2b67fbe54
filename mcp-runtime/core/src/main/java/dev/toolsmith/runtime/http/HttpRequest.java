package dev.toolsmith.runtime.http;

import dev.toolsmith.runtime.TransportAttributes;
import java.util.Objects;

/**
 * An HTTP request as every adapter hands it to the Streamable HTTP rules, whatever shape it arrived
 * in (a Lambda event, a servlet or JDK exchange).
 *
 * @param method the HTTP method, upper case
 * @param path the request path, for messages only
 * @param headers the request headers
 * @param body the raw body, empty when there is none
 * @param attributes what else the adapter knows, for tools that ask by type (the Lambda {@code
 *     Context} on Lambda); the rules add the {@link Headers}
 */
public record HttpRequest(
    String method, String path, Headers headers, byte[] body, TransportAttributes attributes) {
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(headers, "headers");
    path = path == null ? "/" : path;
    body = body == null ? new byte[0] : body;
    attributes = attributes == null ? TransportAttributes.none() : attributes;
  }

  /** Returns a request with no transport attributes beyond its headers. */
  public static HttpRequest of(String method, String path, Headers headers, byte[] body) {
    return new HttpRequest(method, path, headers, body, TransportAttributes.none());
  }
}
