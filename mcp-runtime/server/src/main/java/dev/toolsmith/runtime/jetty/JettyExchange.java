package dev.toolsmith.runtime.jetty;

import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.http.ResponseStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
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
      Headers.Builder builder = Headers.builder();
      for (HttpField field : request.getHeaders()) {
        builder.add(field.getName(), field.getValue());
      }
      headers = builder.build();
    }
    return headers;
  }

  @Override
  public long contentLength() {
    return request.getLength();
  }

  /** Reads one byte past the limit at most: a chunked body is cut there, not buffered whole. */
  @Override
  public byte[] readBody(int limit) throws IOException {
    InputStream in = Content.Source.asInputStream(request);
    byte[] body = in.readNBytes(limit + 1);
    return body.length > limit ? null : body;
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
