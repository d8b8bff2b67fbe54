package dev.toolsmith.runtime.jetty;

import dev.toolsmith.runtime.http.Bodies;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.http.ResponseStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
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
  /** Jetty's header constants by their usual spelling, which is how the rules name headers. */
  private static final Map<String, HttpHeader> KNOWN = known();

  private static final HttpField JSON_TYPE =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

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
      HttpFields fields = request.getHeaders();
      headers = Headers.view(name -> first(fields, name));
    }
    return headers;
  }

  /**
   * Returns a header's first value. A name Jetty knows (Accept, Origin, Content-Type...) is matched
   * by its constant, which compares fields by identity instead of by case-insensitive name.
   */
  private static String first(HttpFields fields, String name) {
    HttpHeader known = KNOWN.get(name);
    return known != null ? fields.get(known) : fields.get(name);
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
      put(header.getKey(), header.getValue());
    }
    byte[] body = answer.body();
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, body.length == 0 ? null : ByteBuffer.wrap(body), callback);
  }

  @Override
  public ResponseStream stream(int status, Map<String, String> streamHeaders) {
    answered = true;
    response.setStatus(status);
    streamHeaders.forEach(this::put);
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

  /** Sets a response header; the JSON content type, on nearly every reply, is encoded once. */
  private void put(String name, String value) {
    if (name.equals("Content-Type") && value.equals(JSON_TYPE.getValue())) {
      response.getHeaders().put(JSON_TYPE);
    } else {
      HttpHeader known = KNOWN.get(name);
      response
          .getHeaders()
          .put(known != null ? new HttpField(known, value) : new HttpField(name, value));
    }
  }

  @Override
  public boolean streams() {
    return true;
  }

  private static Map<String, HttpHeader> known() {
    Map<String, HttpHeader> known = new HashMap<>();
    for (HttpHeader header : HttpHeader.values()) {
      known.put(header.asString(), header);
    }
    return Map.copyOf(known);
  }

  /** Returns whether the rules answered; a handler that finds they did not fails the exchange. */
  boolean answered() {
    return answered;
  }
}
