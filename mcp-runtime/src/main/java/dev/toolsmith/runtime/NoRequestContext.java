package dev.toolsmith.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Optional;

/** The context of a call made directly, outside any transport: no headers, no capabilities, no progress. */
enum NoRequestContext implements RequestContext {
  INSTANCE;

  @Override
  public String requestId() {
    return "";
  }

  @Override
  public String protocolVersion() {
    return "";
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.empty();
  }

  @Override
  public dev.toolsmith.runtime.auth.Identity identity() {
    return dev.toolsmith.runtime.auth.Identity.anonymous();
  }

  @Override
  public Context lambdaContext() {
    return null;
  }

  @Override
  public boolean hasClientCapability(String name) {
    return false;
  }

  @Override
  public void requireClientCapability(String name) {}

  @Override
  public void progress(double progress, double total, String message) {}
}
