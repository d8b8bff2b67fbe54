package dev.toolsmith.runtime.jetty;

import dev.toolsmith.runtime.http.Bodies;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.http.ResponseStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty request and response as the Streamable HTTP rules see them. A whole response is one write
 * of headers and body together (with {@code TCP_NODELAY}, no Nagle stall on keep-alive); a stream
 * writes and flushes each chunk. The handler's callback completes with the last write.
 */
final class JettyExchange implements HttpExchange {
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final String path;
  private Headers headers;
  private boolean answered;

  JettyExchange(Request request, Response response, Callback callback, String path) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.path = path;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Headers headers() {
    if (headers == null) {
      headers = Headers.view(request.getHeaders()::get);
    }
    return headers;
  }

  @Override
  public long contentLength() {
    return request.getLength();
  }

  /**
   * Reads a body of a declared length into an array of that size; a chunked one is read one byte
   * past the limit at most, so it is cut there, not buffered whole.
   */
  @Override
  public byte[] readBody(int limit) throws IOException {
    return Bodies.read(Content.Source.asInputStream(request), request.getLength(), limit);
  }

  @Override
  public void respond(HttpResponse answer) {
    answered = true;
    response.setStatus(answer.status());
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      response.getHeaders().put(header.getKey(), header.getValue());
    }
    byte[] body = answer.body();
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, body.length == 0 ? null : ByteBuffer.wrap(body), callback);
  }

  @Override
  public ResponseStream stream(int status, Map<String, String> streamHeaders) {
    answered = true;
    response.setStatus(status);
    streamHeaders.forEach((name, value) -> response.getHeaders().put(name, value));
    return new ResponseStream() {
      private boolean closed;

      @Override
      public void write(byte[] chunk) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
          response.write(false, ByteBuffer.wrap(chunk), written);
          written.block();
        }
      }

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          response.write(true, null, callback);
        }
      }
    };
  }

  @Override
  public boolean streams() {
    return true;
  }

  /** Returns whether the rules answered; a handler that finds they did not fails the exchange. */
  boolean answered() {
    return answered;
  }
}
