package dev.toolsmith.runtime.jetty;

import dev.toolsmith.runtime.http.Bodies;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.http.ResponseStream;
import java.io.IOException;
import java.io.InputStream;
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
  private boolean bodyRead;

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
    bodyRead = true;
    return Bodies.read(Content.Source.asInputStream(request), request.getLength(), limit);
  }

  /**
   * The most of a refused request's body that is read and dropped after its response, so the
   * connection can be kept; a larger or chunked one ends the connection instead.
   */
  private static final long DISCARD_LIMIT = 4L << 20;

  /**
   * Returns whether the rules answered without reading a body the request has (no credentials, too
   * large, the wrong media type). Closing such a connection while the client still sends would
   * reset it, and a reset drops the response the client has not read yet: it would see no answer at
   * all (the JDK's HttpClient reports "header parser received no bytes").
   */
  private boolean bodyUnread() {
    return !bodyRead
        && (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
  }

  /**
   * Sends a response whose request body is unread, then settles the body: one of a declared size
   * within {@link #DISCARD_LIMIT} is read and dropped after the response has left, so the client
   * has its answer at once and the connection stays alive; any other ends the connection, which the
   * response says ({@code Connection: close}).
   */
  private void respondBeforeBody(ByteBuffer body) {
    long length = request.getLength();
    if (length <= 0 || length > DISCARD_LIMIT) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      response.write(true, body, callback);
      return;
    }
    try (Blocker.Callback written = Blocker.callback()) {
      response.write(true, body, written);
      written.block();
      InputStream rest = Content.Source.asInputStream(request);
      byte[] drop = new byte[8192];
      long left = length;
      while (left > 0) {
        int n = rest.read(drop, 0, (int) Math.min(drop.length, left));
        if (n < 0) {
          break;
        }
        left -= n;
      }
      callback.succeeded();
    } catch (IOException | RuntimeException e) {
      // The client stopped sending, or went away: the connection ends without more to say.
      callback.failed(e);
    }
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
    ByteBuffer content = body.length == 0 ? null : ByteBuffer.wrap(body);
    if (bodyUnread()) {
      respondBeforeBody(content);
      return;
    }
    response.write(true, content, callback);
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
