package dev.toolsmith.runtime.jetty;

import dev.toolsmith.runtime.internal.http.StreamableHttp;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Answers 408 and closes a connection whose first request has not arrived within the timeout: a
 * client that opens connections and trickles bytes into them (slowloris) holds each for that long
 * at most. Reading requests never ties up a thread in Jetty, so such clients cannot block others
 * while they wait; this bounds how long they hold a connection slot. Later requests on a kept-alive
 * connection are bounded by the idle timeout.
 */
final class FirstRequestTimeout implements Connection.Listener {
  /** What the client gets before the connection closes: a 408 with the usual JSON error. */
  private static final byte[] TIMED_OUT = timedOut();

  private final Scheduler scheduler;
  private final long timeoutMillis;

  FirstRequestTimeout(Scheduler scheduler, Duration timeout) {
    this.scheduler = scheduler;
    this.timeoutMillis = timeout.toMillis();
  }

  private static byte[] timedOut() {
    byte[] body =
        StreamableHttp.refusal(
                408,
                "The request did not arrive in time; send the whole request line and headers "
                    + "promptly.")
            .body();
    String head =
        "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  @Override
  public void onOpened(Connection connection) {
    scheduler.schedule(
        () -> {
          EndPoint endPoint = connection.getEndPoint();
          if (connection.getMessagesIn() == 0 && endPoint.isOpen()) {
            endPoint.write(Callback.from(endPoint::close), ByteBuffer.wrap(TIMED_OUT));
          }
        },
        timeoutMillis,
        TimeUnit.MILLISECONDS);
  }
}
