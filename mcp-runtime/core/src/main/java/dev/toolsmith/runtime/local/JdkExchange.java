package dev.toolsmith.runtime.local;

import com.sun.net.httpserver.HttpExchange;
import dev.toolsmith.runtime.http.Bodies;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.http.ResponseStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

/** A JDK server exchange as the Streamable HTTP rules see it. */
final class JdkExchange implements dev.toolsmith.runtime.http.HttpExchange {
  private final HttpExchange exchange;
  private final Headers headers;

  JdkExchange(HttpExchange exchange) {
    this.exchange = exchange;
    Headers.Builder builder = Headers.builder();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> values.forEach(value -> builder.add(name, value)));
    this.headers = builder.build();
  }

  @Override
  public String method() {
    return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
  }

  @Override
  public String path() {
    return exchange.getRequestURI().getPath();
  }

  @Override
  public Headers headers() {
    return headers;
  }

  @Override
  public long contentLength() {
    String length = headers.first("Content-Length");
    try {
      return length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Reads one byte past the limit at most, so an oversized body costs no more memory than that. */
  @Override
  public byte[] readBody(int limit) throws IOException {
    return Bodies.read(exchange.getRequestBody(), contentLength(), limit);
  }

  @Override
  public void respond(HttpResponse response) throws IOException {
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      exchange.getResponseHeaders().set(header.getKey(), header.getValue());
    }
    byte[] out = response.body();
    exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(out);
      }
    }
  }

  @Override
  public ResponseStream stream(int status, Map<String, String> responseHeaders) throws IOException {
    responseHeaders.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, 0);
    return ResponseStream.flushing(exchange.getResponseBody());
  }

  @Override
  public boolean streams() {
    return true;
  }
}
