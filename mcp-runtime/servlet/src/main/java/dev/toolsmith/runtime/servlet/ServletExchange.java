package dev.toolsmith.runtime.servlet;

import dev.toolsmith.runtime.http.Bodies;
import dev.toolsmith.runtime.http.Headers;
import dev.toolsmith.runtime.http.HttpExchange;
import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.http.ResponseStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** A servlet request and response as the Streamable HTTP rules see them. */
final class ServletExchange implements HttpExchange {
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private Headers headers;

  ServletExchange(HttpServletRequest request, HttpServletResponse response) {
    this.request = request;
    this.response = response;
  }

  @Override
  public String method() {
    return request.getMethod().toUpperCase(Locale.ROOT);
  }

  /**
   * The path inside the application, so {@code /.well-known/...} is found wherever it is mounted.
   */
  @Override
  public String path() {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @Override
  public Headers headers() {
    if (headers == null) {
      headers = Headers.view(request::getHeader);
    }
    return headers;
  }

  @Override
  public long contentLength() {
    return request.getContentLengthLong();
  }

  /** Reads one byte past the limit at most, so an oversized body costs no more memory than that. */
  @Override
  public byte[] readBody(int limit) throws IOException {
    return Bodies.read(request.getInputStream(), request.getContentLengthLong(), limit);
  }

  @Override
  public void respond(HttpResponse answer) throws IOException {
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    byte[] body = answer.body();
    response.setContentLength(body.length);
    if (body.length > 0) {
      ServletOutputStream out = response.getOutputStream();
      out.write(body);
      out.flush();
    }
  }

  @Override
  public ResponseStream stream(int status, Map<String, String> streamHeaders) throws IOException {
    response.setStatus(status);
    streamHeaders.forEach(response::setHeader);
    ServletOutputStream out = response.getOutputStream();
    response.flushBuffer();
    return ResponseStream.flushing(out);
  }

  @Override
  public boolean streams() {
    return true;
  }
}
