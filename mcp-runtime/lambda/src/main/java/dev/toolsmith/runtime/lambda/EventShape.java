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
  ALB_MULTI_VALUE;

  /**
   * Returns the shape of an event from the fields that tell them apart, or {@code null} when they
   * describe no HTTP event.
   *
   * @param http whether {@code requestContext.http} is there (API Gateway v2, Function URLs)
   * @param httpMethod whether {@code httpMethod} is there (v1 and ALB)
   * @param elb whether {@code requestContext.elb} is there (ALB)
   * @param multiValueHeaders whether {@code multiValueHeaders} is there
   */
  static EventShape of(boolean http, boolean httpMethod, boolean elb, boolean multiValueHeaders) {
    if (http) {
      return API_GATEWAY_V2;
    }
    if (!httpMethod) {
      return null;
    }
    return elb ? multiValueHeaders ? ALB_MULTI_VALUE : ALB : API_GATEWAY_V1;
  }
}
