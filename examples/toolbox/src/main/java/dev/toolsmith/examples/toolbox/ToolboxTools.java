package dev.toolsmith.examples.toolbox;

import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.ToolException;
import dev.toolsmith.runtime.session.Session;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The toolbox tutorial's three tools. */
public class ToolboxTools {
  private final Supplier<S3Client> s3;
  private S3Client client;

  /**
   * Creates the tools with an S3 client configured from the environment (region, credentials and
   * {@code AWS_ENDPOINT_URL_S3} as the AWS SDK reads them), built on first use, so a server that is
   * never asked to count buckets never pays for the client.
   */
  public ToolboxTools() {
    this(ToolboxTools::s3FromEnvironment);
  }

  /** Creates the tools with the S3 client to use. */
  public ToolboxTools(S3Client s3) {
    this(() -> s3);
    Objects.requireNonNull(s3, "s3");
  }

  private ToolboxTools(Supplier<S3Client> s3) {
    this.s3 = s3;
  }

  /** Returns the current UTC time in ISO 8601 format. */
  @McpTool(readOnly = true, openWorld = false)
  public String getTime() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** Counts the S3 buckets in the caller's AWS account. */
  @McpTool(readOnly = true)
  public int countS3Buckets() {
    return Buckets.count(s3());
  }

  /** Increments a per-conversation counter and returns the new value. */
  @McpTool
  public int incrementCounter(Session session) {
    return session.update("counter", 0, count -> count + 1);
  }

  private synchronized S3Client s3() {
    if (client == null) {
      client = s3.get();
    }
    return client;
  }

  private static S3Client s3FromEnvironment() {
    return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }

  /**
   * The S3 call and what its failures tell the caller. A class of its own so that its AWS SDK types
   * load with the first count, not with the server: the toolbox's first response on Lambda is
   * usually {@code initialize}.
   */
  private static final class Buckets {
    private Buckets() {}

    static int count(S3Client s3) {
      try {
        int count = 0;
        for (var ignored : s3.listBucketsPaginator().buckets()) {
          count++;
        }
        return count;
      } catch (S3Exception e) {
        if (e.statusCode() == 403) {
          throw new ToolException(
              "The server may not list S3 buckets: its AWS role lacks s3:ListAllMyBuckets. Add "
                  + "that action to the function's policy (template.yaml has it) and redeploy.");
        }
        throw new ToolException(
            "S3 refused to list buckets ("
                + e.awsErrorDetails().errorCode()
                + "): "
                + e.awsErrorDetails().errorMessage());
      } catch (SdkClientException e) {
        throw new ToolException(
            "Could not reach S3 to count buckets: "
                + e.getMessage()
                + " Run the server with AWS credentials and a region (for example AWS_PROFILE and AWS_REGION).");
      }
    }
  }
}
