package dev.toolsmith.runtime.session.dynamodb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The store's HTTP client, which can answer a priming call without the network.
 *
 * <p>Before a SnapStart snapshot the store makes one call so that the snapshot holds a client that
 * has run its whole request path: marshalling, endpoint resolution, signing, retries and
 * unmarshalling. A real call would leave a kept-alive socket in the JDK's connection cache, and so
 * in every environment restored from the snapshot. While {@link #offline} runs, this client answers
 * every request with the empty object DynamoDB returns for an item that does not exist, and opens
 * no connection. Lambda sends no invocations while it snapshots, so no real call shares the window.
 *
 * <p>The network client is made when the DynamoDB client is, not with the store, so an on-demand
 * cold start whose first requests need no session loads none of the SDK's HTTP classes.
 */
final class PrimableHttpClient implements SdkHttpClient {
  private static final byte[] NO_ITEM = "{}".getBytes(StandardCharsets.UTF_8);

  private final Supplier<SdkHttpClient> factory;
  private volatile SdkHttpClient network;
  private volatile boolean offline;

  PrimableHttpClient(Supplier<SdkHttpClient> factory) {
    this.factory = factory;
  }

  private SdkHttpClient network() {
    SdkHttpClient client = network;
    if (client == null) {
      synchronized (this) {
        client = network;
        if (client == null) {
          client = factory.get();
          network = client;
        }
      }
    }
    return client;
  }

  /** Runs a priming call with every request answered here instead of on the network. */
  void offline(Runnable call) {
    offline = true;
    try {
      call.run();
    } finally {
      offline = false;
    }
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return offline ? new Canned() : network().prepareRequest(request);
  }

  @Override
  public String clientName() {
    return network().clientName();
  }

  @Override
  public void close() {
    SdkHttpClient client = network;
    if (client != null) {
      client.close();
    }
  }

  private static final class Canned implements ExecutableHttpRequest {
    @Override
    public HttpExecuteResponse call() throws IOException {
      return HttpExecuteResponse.builder()
          .response(
              SdkHttpResponse.builder()
                  .statusCode(200)
                  .putHeader("Content-Type", "application/x-amz-json-1.0")
                  .putHeader("Content-Length", Integer.toString(NO_ITEM.length))
                  .build())
          .responseBody(AbortableInputStream.create(new ByteArrayInputStream(NO_ITEM)))
          .build();
    }

    @Override
    public void abort() {}
  }
}
