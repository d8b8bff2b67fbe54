package dev.toolsmith.runtime.session.dynamodb;

import dev.toolsmith.runtime.session.SessionStoreException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * What a failed DynamoDB call on the session table means for the operator: a missing table, a
 * denied action, throttling that outlasted the retries, or an unreachable endpoint, each as a
 * {@link SessionStoreException} that names the table and the fix, retryable where waiting helps.
 */
final class StoreErrors {
  private StoreErrors() {}

  private static final java.time.Duration THROTTLED_RETRY = java.time.Duration.ofSeconds(2);
  private static final java.time.Duration UNREACHABLE_RETRY = java.time.Duration.ofSeconds(5);

  /**
   * Returns whether throttling is what failed the call, directly or in an attempt the SDK retried
   * until its time ran out (then the throttling is in the timeout's suppressed attempts).
   */
  private static boolean throttledSomewhere(Throwable e, int depth) {
    if (e == null || depth > 4) {
      return false;
    }
    if (e instanceof DynamoDbException dynamo && throttled(dynamo)) {
      return true;
    }
    for (Throwable attempt : e.getSuppressed()) {
      if (throttledSomewhere(attempt, depth + 1)) {
        return true;
      }
    }
    return e.getCause() != e && throttledSomewhere(e.getCause(), depth + 1);
  }

  private static boolean throttled(DynamoDbException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return e
            instanceof
            software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException
        || e instanceof software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException
        || "ThrottlingException".equals(code)
        || e.isThrottlingException();
  }

  /** Turns what DynamoDB says into what the operator must do. */
  static SessionStoreException translate(
      RuntimeException e, String action, String table, Region configured) {
    String region = configured == null ? "the configured region" : "region " + configured.id();
    if (e instanceof ResourceNotFoundException) {
      return new SessionStoreException(
          "The DynamoDB session table '"
              + table
              + "' does not exist in "
              + region
              + ". Create it (hash key session_id of type S, TTL on expires_at) or set MCP_SESSION_TABLE to the table's name.",
          e);
    }
    if (e instanceof DynamoDbException dynamo
        && dynamo.awsErrorDetails() != null
        && ("AccessDeniedException".equals(dynamo.awsErrorDetails().errorCode())
            || dynamo.statusCode() == 403)) {
      return new SessionStoreException(
          "The server's AWS role may not call dynamodb:"
              + action
              + " on the session table '"
              + table
              + "' in "
              + region
              + ". Grant dynamodb:GetItem, dynamodb:PutItem, dynamodb:UpdateItem and "
              + "dynamodb:DeleteItem on that table, as examples/toolbox/template.yaml does.",
          e);
    }
    if (throttledSomewhere(e, 0)) {
      return new SessionStoreException(
          "DynamoDB is throttling the session table '"
              + table
              + "' (dynamodb:"
              + action
              + "), even after retries. Nothing was changed; try again in a few seconds. If it "
              + "lasts, raise the table's capacity or use on-demand billing.",
          e,
          THROTTLED_RETRY);
    }
    if (e instanceof SdkClientException) {
      return new SessionStoreException(
          "Could not call dynamodb:"
              + action
              + " on the session table '"
              + table
              + "' in "
              + region
              + " (it did not answer in time, or the connection failed): "
              + e.getMessage()
              + ". The change may or may not have been applied; try again shortly.",
          e,
          UNREACHABLE_RETRY);
    }
    return new SessionStoreException(
        "dynamodb:" + action + " on the session table '" + table + "' failed: " + e.getMessage(),
        e);
  }
}
