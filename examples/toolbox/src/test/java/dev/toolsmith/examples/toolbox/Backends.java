package dev.toolsmith.examples.toolbox;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.toolsmith.runtime.auth.BearerTokenAuthenticator;
import dev.toolsmith.runtime.local.LocalMcpServer;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.session.dynamodb.DynamoDbSessionStore;
import dev.toolsmith.runtime.testing.DynamoDbLocal;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real parts the toolbox tests run against, started once per test JVM and stopped when it
 * exits: DynamoDB Local holding the session table, S3Mock holding three buckets, and the toolbox on
 * the local HTTP adapter with the DynamoDB store and a bearer token.
 */
final class Backends {
  static final String TOKEN = "toolbox-test-token-0123456789abcdef";
  static final String TABLE = "mcp_sessions";
  static final int BUCKETS = 3;

  private static Backends instance;

  final DynamoDbLocal dynamo;
  final S3MockApplication s3mock;
  final S3Client s3;
  final LocalMcpServer local;

  private Backends() throws Exception {
    dynamo = DynamoDbLocal.start();
    dynamo.createSessionTable(TABLE);
    Map<String, Object> properties = new HashMap<>(); // S3Mock edits the map it is given
    properties.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
    properties.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
    properties.put(S3MockApplication.PROP_SILENT, true);
    properties.put(
        S3MockApplication.PROP_ROOT_DIRECTORY, Files.createTempDirectory("s3mock").toString());
    s3mock = S3MockApplication.start(properties);
    s3 = s3Client(URI.create("http://127.0.0.1:" + s3mock.getHttpPort()));
    for (int i = 1; i <= BUCKETS; i++) {
      String bucket = "toolbox-bucket-" + i;
      s3.createBucket(create -> create.bucket(bucket));
    }
    McpServer server =
        ToolboxServer.builder(BearerTokenAuthenticator.of(TOKEN))
            .tools(new ToolboxTools_McpTools(new ToolboxTools(s3)))
            .sessions(new DynamoDbSessionStore(dynamo.client(), TABLE))
            .build();
    local = LocalMcpServer.builder(server).port(0).gracePeriod(Duration.ZERO).start();
  }

  /** Returns the backends, starting them on first use. */
  static synchronized Backends get() throws Exception {
    if (instance == null) {
      instance = new Backends();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "backends-stop"));
    }
    return instance;
  }

  String url() {
    return local.url().toString();
  }

  static S3Client s3Client(URI endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private void stop() {
    try {
      local.close();
      s3.close();
      s3mock.stop();
      dynamo.close();
    } catch (Exception e) {
      // The JVM is exiting; nothing more to do.
    }
  }
}
