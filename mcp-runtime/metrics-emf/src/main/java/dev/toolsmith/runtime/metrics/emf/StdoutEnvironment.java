package dev.toolsmith.runtime.metrics.emf;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * The embedded-metrics environment documents are written in: a line each to an output (standard
 * output on Lambda, where CloudWatch Logs reads EMF), found without probing anything.
 */
final class StdoutEnvironment implements Environment, ISink {
  private final String service;
  private final Consumer<String> output;

  StdoutEnvironment(String service, Consumer<String> output) {
    this.service = service;
    this.output = output;
  }

  @Override
  public boolean probe() {
    return true;
  }

  @Override
  public String getName() {
    return service;
  }

  @Override
  public String getType() {
    return System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null ? "AWS::Lambda::Function" : "Unknown";
  }

  @Override
  public String getLogGroupName() {
    String group = System.getenv("AWS_LAMBDA_LOG_GROUP_NAME");
    return group != null ? group : service + "-metrics";
  }

  @Override
  public void configureContext(MetricsContext context) {
    // The interceptor puts in what a document needs; nothing about the host is added.
  }

  @Override
  public ISink getSink() {
    return this;
  }

  @Override
  public void accept(MetricsContext context) {
    try {
      for (String document : context.serialize()) {
        output.accept(document);
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CompletableFuture<Void> shutdown() {
    return CompletableFuture.completedFuture(null);
  }
}
