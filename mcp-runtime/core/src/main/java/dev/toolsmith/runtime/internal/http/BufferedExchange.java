package dev.toolsmith.runtime.internal.http;

import dev.toolsmith.runtime.TransportAttributes;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpRequest;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.http.ResponseStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * An {@link HttpRequest} that arrived whole, as an exchange: the response, streamed or not, is
 * collected into one {@link HttpResponse}. This is how AWS Lambda and other one-response transports
 * go through the same rules as the streaming servers.
 */
final class BufferedExchange implements HttpExchange {
  private final HttpRequest request;
  private HttpResponse response;
  private int status;
  private Map<String, String> headers;
  private ByteArrayOutputStream body;

  BufferedExchange(HttpRequest request) {
    this.request = request;
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public String path() {
    return request.path();
  }

  @Override
  public Headers headers() {
    return request.headers();
  }

  @Override
  public TransportAttributes attributes() {
    return request.attributes();
  }

  @Override
  public long contentLength() {
    return request.body().length;
  }

  @Override
  public byte[] readBody(int limit) {
    return request.body().length > limit ? null : request.body();
  }

  @Override
  public void respond(HttpResponse response) {
    this.response = response;
  }

  @Override
  public ResponseStream stream(int status, Map<String, String> headers) {
    this.status = status;
    this.headers = headers;
    this.body = new ByteArrayOutputStream(512);
    return new ResponseStream() {
      @Override
      public void write(byte[] chunk) {
        body.writeBytes(chunk);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public boolean streams() {
    return false;
  }

  /** Returns what was answered. */
  HttpResponse response() {
    if (response != null) {
      return response;
    }
    if (body == null) {
      throw new IllegalStateException("The rules answered nothing for " + request.method());
    }
    return new HttpResponse(status, headers, body.toByteArray());
  }
}
