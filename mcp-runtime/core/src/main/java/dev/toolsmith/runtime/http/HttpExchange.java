package dev.toolsmith.runtime.http;

import dev.toolsmith.runtime.TransportAttributes;
import java.io.IOException;
import java.util.Map;

/**
 * One HTTP exchange, as a server adapter hands it to {@link
 * dev.toolsmith.runtime.server.McpServer#serve}: the request line and headers first, the body only
 * when the rules ask for it, and a response that is either one write or an event stream.
 *
 * <p>Splitting the body from the head is what lets the Streamable HTTP rules check {@code Host},
 * {@code Origin}, authentication and the declared {@code Content-Length} before a byte of the body
 * is read, so an unauthenticated client never makes the server buffer one. Adapters translate
 * shapes only; every decision is the rules'. Toolsmith's Jetty server, its servlet adapter and the
 * local server implement it; {@link HttpRequest} covers transports that deliver the whole request
 * at once (AWS Lambda).
 */
public interface HttpExchange {

  /** Returns the request method in upper case, such as {@code POST}. */
  String method();

  /** Returns the request path, without the query. */
  String path();

  /** Returns the request headers. */
  Headers headers();

  /** Returns what else the transport knows, for tools that look it up by type. */
  default TransportAttributes attributes() {
    return TransportAttributes.none();
  }

  /** Returns the declared {@code Content-Length}, or -1 when the body is chunked or absent. */
  long contentLength();

  /**
   * Reads the body, stopping once it has read more than {@code limit} bytes: a chunked body is
   * counted as it arrives and cut there, so an oversized one costs no more memory than the limit.
   *
   * @return the body, or {@code null} when it is longer than {@code limit}
   * @throws IOException when the client stops sending or is too slow
   */
  byte[] readBody(int limit) throws IOException;

  /** Sends a whole response in one write. Called at most once, and never after {@link #stream}. */
  void respond(HttpResponse response) throws IOException;

  /**
   * Commits the status and headers of a streamed response; each chunk written to the returned
   * stream reaches the client when written. Called at most once.
   */
  ResponseStream stream(int status, Map<String, String> headers) throws IOException;

  /**
   * Returns whether chunks written to a {@link #stream} reach the client as they are written, and
   * the exchange may stay open while a call waits for the client. {@code false} for transports that
   * deliver one response at the end, such as AWS Lambda; handshake-era calls that ask the client
   * for input then end in a tool error that says why.
   */
  boolean streams();
}
