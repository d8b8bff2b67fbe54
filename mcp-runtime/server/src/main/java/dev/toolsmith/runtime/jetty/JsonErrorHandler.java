package dev.toolsmith.runtime.jetty;

import dev.toolsmith.runtime.http.HttpResponse;
import dev.toolsmith.runtime.internal.http.StreamableHttp;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (malformed HTTP, headers too large, unknown versions, a server shutting
 * down) as the JSON-RPC errors every other refusal is, never an HTML page. The message says what
 * was wrong in words of the protocol and never names a Java class.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : 500;
    Object code = request.getAttribute(ERROR_STATUS);
    if (code instanceof Integer value) {
      status = value;
    }
    Object reason = request.getAttribute(ERROR_MESSAGE);
    HttpResponse refusal = StreamableHttp.refusal(status, message(status, reason));
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(refusal.body()), callback);
    return true;
  }

  /** Says what a status means for an MCP client, with Jetty's reason when it is plain words. */
  static String message(int status, Object reason) {
    String detail = plain(reason);
    switch (status) {
      case 400:
        return "The request is not valid HTTP/1.1"
            + (detail == null ? "" : " (" + detail + ")")
            + ": check the request line and that no header contains a bare CR or LF.";
      case 408:
        return "The request took too long to arrive; send it promptly.";
      case 413:
        return "The request body is larger than this server accepts.";
      case 414:
        return "The request URI is longer than this server accepts.";
      case 431:
        return "The request headers are larger than this server accepts; send smaller ones.";
      case 503:
        return "The server is shutting down or overloaded; retry the request, on another "
            + "instance if there is one.";
      case 505:
        return "This server speaks HTTP/1.1 and HTTP/1.0 only.";
      default:
        return status >= 500
            ? "The server failed while answering; the failure is in its log."
            : "The request was refused (HTTP "
                + status
                + (detail == null ? "" : ", " + detail)
                + ").";
    }
  }

  private static String plain(Object reason) {
    if (!(reason instanceof String text) || text.isBlank()) {
      return null;
    }
    // Jetty's reasons are short phrases; anything that looks like a Java name stays in the log.
    return text.length() > 120
            || text.contains("Exception")
            || text.matches(".*\\b\\w+\\.\\w+\\.\\w+.*")
        ? null
        : text;
  }
}
