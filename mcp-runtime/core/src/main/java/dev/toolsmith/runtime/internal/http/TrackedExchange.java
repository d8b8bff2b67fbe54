package dev.toolsmith.runtime.internal.http;

import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.http.ResponseStream;
import java.io.IOException;
import java.util.Map;

/**
 * An exchange that remembers whether it was answered, so a failure nobody expected can still get a
 * response when none has been sent, and ends the stream it had begun when one has.
 */
final class TrackedExchange implements HttpExchange {
  private final HttpExchange exchange;
  private boolean answered;
  private ResponseStream stream;

  TrackedExchange(HttpExchange exchange) {
    this.exchange = exchange;
  }

  boolean answered() {
    return answered;
  }

  /** Ends a stream the failed call had opened, so the client is not left waiting on it. */
  void endStream() {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException | RuntimeException e) {
        // The client is gone already: nothing is left to end.
      }
    }
  }

  @Override
  public String method() {
    return exchange.method();
  }

  @Override
  public String path() {
    return exchange.path();
  }

  @Override
  public Headers headers() {
    return exchange.headers();
  }

  @Override
  public TransportAttributes attributes() {
    return exchange.attributes();
  }

  @Override
  public long contentLength() {
    return exchange.contentLength();
  }

  @Override
  public byte[] readBody(int limit) throws IOException {
    return exchange.readBody(limit);
  }

  @Override
  public void respond(HttpResponse response) throws IOException {
    answered = true;
    exchange.respond(response);
  }

  @Override
  public ResponseStream stream(int status, Map<String, String> headers) throws IOException {
    answered = true;
    stream = exchange.stream(status, headers);
    return stream;
  }

  @Override
  public boolean streams() {
    return exchange.streams();
  }
}
