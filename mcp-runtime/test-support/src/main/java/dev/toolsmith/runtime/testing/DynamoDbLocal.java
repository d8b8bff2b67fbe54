package dev.toolsmith.runtime.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local in this JVM, listening on a loopback port and reached over real HTTP with the same
 * URL-connection client production uses. Close it to stop the server.
 */
public final class DynamoDbLocal implements AutoCloseable {
  private final DynamoDBProxyServer server;
  private final int port;
  private final DynamoDbClient client;

  private DynamoDbLocal(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
    this.client =
        DynamoDbClient.builder()
            .endpointOverride(endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  /** Starts an in-memory DynamoDB Local on a free loopback port. */
  public static DynamoDbLocal start() throws Exception {
    int port = freePort();
    DynamoDBProxyServer server =
        ServerRunner.createServerFromCommandLineArgs(
            new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
    server.start();
    return new DynamoDbLocal(server, port);
  }

  /** Returns where it listens, for {@code AWS_ENDPOINT_URL_DYNAMODB}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Returns a client for it. */
  public DynamoDbClient client() {
    return client;
  }

  /** Creates a session table as the SAM template does: hash key {@code session_id}, on demand. */
  public void createSessionTable(String name) {
    createTable(name, "session_id");
  }

  /** Creates a task table as {@code examples/reports/template.yaml} does: hash key task_id. */
  public void createTaskTable(String name) {
    createTable(name, "task_id");
  }

  private void createTable(String name, String hashKey) {
    client.createTable(
        table ->
            table
                .tableName(name)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName(hashKey)
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  @Override
  public void close() {
    client.close();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
