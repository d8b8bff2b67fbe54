package dev.toolsmith.runtime;

/**
 * Thrown by a resource method when the URI matched its template but names nothing, such as an id
 * that does not exist. The client gets the protocol's resource-not-found error for its era (-32002
 * before 2026-07-28, -32602 with {@code data.uri} after), never an empty result.
 */
public class ResourceNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String uri;

  /** Returns an exception for a URI, with a message that says what is missing. */
  public ResourceNotFoundException(String uri, String message) {
    super(message);
    this.uri = uri;
  }

  /** Returns the URI that names nothing. */
  public String uri() {
    return uri;
  }
}
