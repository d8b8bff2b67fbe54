package dev.toolsmith.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What the Streamable HTTP rules answer; adapters copy it into their own response shape.
 *
 * @param status the HTTP status
 * @param headers response headers; {@code Content-Type} is present exactly when there is a body
 * @param body the body, empty for none
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {
  public HttpResponse {
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    body = body == null ? new byte[0] : body;
  }

  /**
   * Returns the value of a response header, matching its name case-insensitively, or {@code null}.
   */
  public String header(String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Returns the body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
