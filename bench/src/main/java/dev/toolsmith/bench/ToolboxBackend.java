package dev.toolsmith.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
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
 * What the toolbox handler needs around it: DynamoDB Local in a child JVM holding the session
 * table, and the environment Lambda would give the function. The SDK classes come from toolbox.jar
 * on the bench's classpath.
 */
final class ToolboxBackend implements AutoCloseable {
  static final String TABLE = "bench_sessions";
  static final String TOKEN = "bench-token-0123456789abcdef0123456789";

  private final Process dynamo;
  private final int port;

  private ToolboxBackend(Process dynamo, int port) {
    this.dynamo = dynamo;
    this.port = port;
  }

  static ToolboxBackend start() throws Exception {
    String classpath = System.getProperty("dynamodb.local.classpath");
    if (classpath == null) {
      throw new IllegalStateException(
          "The toolbox scenario needs -Ddynamodb.local.classpath (bench/run sets it)");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                "com.amazonaws.services.dynamodbv2.local.main.ServerRunner",
                "-inMemory",
                "-port",
                Integer.toString(port),
                "-disableTelemetry")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    ToolboxBackend backend = new ToolboxBackend(process, port);
    backend.awaitPort();
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(backend.endpoint()))
            .region(Region.US_EAST_1)
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
            .build()) {
      client.createTable(
          table ->
              table
                  .tableName(TABLE)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName("session_id")
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder()
                          .attributeName("session_id")
                          .keyType(KeyType.HASH)
                          .build())
                  .billingMode(BillingMode.PAY_PER_REQUEST));
    }
    return backend;
  }

  /**
   * The function's environment, as the SAM template and Lambda set it (plus the local endpoint).
   */
  Map<String, String> environment() {
    return Map.of(
        "MCP_AUTH_TOKEN", TOKEN,
        "MCP_SESSION_TABLE", TABLE,
        "MCP_SESSION_KEY", "bench-session-key-the-sam-template-generates",
        "AWS_ENDPOINT_URL_DYNAMODB", endpoint(),
        "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "bench",
        "AWS_SECRET_ACCESS_KEY", "bench",
        "AWS_LAMBDA_FUNCTION_NAME", "toolbox-bench");
  }

  private String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitPort() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    dynamo.destroyForcibly();
    throw new IOException("DynamoDB Local did not start on port " + port);
  }

  @Override
  public void close() {
    dynamo.destroy();
    try {
      dynamo.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
