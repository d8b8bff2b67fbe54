package dev.toolsmith.runtime.session.dynamodb;

import dev.toolsmith.runtime.session.SessionStoreException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * What a failed DynamoDB call on the session or task table means for the operator: a missing table,
 * a denied action, throttling that outlasted the retries, or an unreachable endpoint, each as a
 * message that names the table and the fix, retryable where waiting helps.
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

  /** The table a failed call was on, as the operator knows it. */
  enum Table {
    SESSIONS(
        "session",
        "session_id",
        "MCP_SESSION_TABLE",
        "dynamodb:GetItem, dynamodb:PutItem, dynamodb:UpdateItem and dynamodb:DeleteItem",
        "examples/toolbox/template.yaml"),
    TASKS(
        "task",
        "task_id",
        "MCP_TASK_TABLE",
        "dynamodb:GetItem and dynamodb:PutItem",
        "examples/reports/template.yaml");

    final String noun;
    final String hashKey;
    final String variable;
    final String actions;
    final String template;

    Table(String noun, String hashKey, String variable, String actions, String template) {
      this.noun = noun;
      this.hashKey = hashKey;
      this.variable = variable;
      this.actions = actions;
      this.template = template;
    }
  }

  /** What a failed call means: the message for the operator, and when retrying may help. */
  record Failure(String message, java.time.Duration retryAfter) {}

  /** Turns what DynamoDB says about a session-table call into what the operator must do. */
  static SessionStoreException translate(
      RuntimeException e, String action, String table, Region configured) {
    Failure failure = describe(e, action, Table.SESSIONS, table, configured);
    return failure.retryAfter() == null
        ? new SessionStoreException(failure.message(), e)
        : new SessionStoreException(failure.message(), e, failure.retryAfter());
  }

  /** Turns what DynamoDB says into what the operator must do. */
  static Failure describe(
      RuntimeException e, String action, Table kind, String table, Region configured) {
    String region = configured == null ? "the configured region" : "region " + configured.id();
    String what = "the " + kind.noun + " table '" + table + "'";
    if (e instanceof ResourceNotFoundException) {
      return new Failure(
          "The DynamoDB "
              + kind.noun
              + " table '"
              + table
              + "' does not exist in "
              + region
              + ". Create it (hash key "
              + kind.hashKey
              + " of type S, TTL on expires_at) or set "
              + kind.variable
              + " to the table's name.",
          null);
    }
    if (e instanceof DynamoDbException dynamo
        && dynamo.awsErrorDetails() != null
        && ("AccessDeniedException".equals(dynamo.awsErrorDetails().errorCode())
            || dynamo.statusCode() == 403)) {
      return new Failure(
          "The server's AWS role may not call dynamodb:"
              + action
              + " on "
              + what
              + " in "
              + region
              + ". Grant "
              + kind.actions
              + " on that table, as "
              + kind.template
              + " does.",
          null);
    }
    if (throttledSomewhere(e, 0)) {
      return new Failure(
          "DynamoDB is throttling "
              + what
              + " (dynamodb:"
              + action
              + "), even after retries. Nothing was changed; try again in a few seconds. If it "
              + "lasts, raise the table's capacity or use on-demand billing.",
          THROTTLED_RETRY);
    }
    if (e instanceof SdkClientException) {
      return new Failure(
          "Could not call dynamodb:"
              + action
              + " on "
              + what
              + " in "
              + region
              + " (it did not answer in time, or the connection failed): "
              + e.getMessage()
              + ". The change may or may not have been applied; try again shortly.",
          UNREACHABLE_RETRY);
    }
    return new Failure("dynamodb:" + action + " on " + what + " failed: " + e.getMessage(), null);
  }
}
