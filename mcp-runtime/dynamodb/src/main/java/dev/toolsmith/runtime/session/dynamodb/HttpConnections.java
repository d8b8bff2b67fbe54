package dev.toolsmith.runtime.session.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;

/**
 * Opens the JDK connections of the store's client, with its timeouts. The SDK's own factory builds
 * a TLS context and loads the trust store when the client is built, about 150 ms on a cold JVM,
 * even for a plain-http endpoint such as DynamoDB Local; the JDK's connections set up TLS only when
 * an https connection first needs it, with the same default trust store.
 */
final class HttpConnections implements UrlConnectionFactory {
  private final int connectMillis;
  private final int readMillis;

  HttpConnections(Duration connect, Duration read) {
    this.connectMillis = Math.toIntExact(connect.toMillis());
    this.readMillis = Math.toIntExact(read.toMillis());
  }

  @Override
  public HttpURLConnection createConnection(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(connectMillis);
      connection.setReadTimeout(readMillis);
      return connection;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open a connection to " + uri, e);
    }
  }
}
