package dev.toolsmith.runtime.lambda;

/** The HTTP event shapes a Lambda function receives, each with its own response shape. */
enum EventShape {
  /** API Gateway REST API (payload format 1.0), also HTTP APIs set to 1.0. */
  API_GATEWAY_V1,
  /** API Gateway HTTP API (payload format 2.0) and Lambda Function URLs. */
  API_GATEWAY_V2,
  /** Application Load Balancer with single-value headers. */
  ALB,
  /**
   * Application Load Balancer with multi-value headers turned on; the response must use them too.
   */
  ALB_MULTI_VALUE
}
