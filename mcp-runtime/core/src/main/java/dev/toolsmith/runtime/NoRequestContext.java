package dev.toolsmith.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * The context of a call made directly, outside any transport: no headers, no capabilities, no
 * progress.
 */
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
  public Identity identity() {
    return Identity.anonymous();
  }

  @Override
  public <T> Optional<T> transportAttribute(Class<T> type) {
    return Optional.empty();
  }

  @Override
  public boolean hasClientCapability(String name) {
    return false;
  }

  @Override
  public void requireClientCapability(String name) {}

  @Override
  public void progress(double progress, double total, String message) {}

  @Override
  public void log(LogLevel level, String message) {
    // No client to tell.
  }

  @Override
  public Inputs inputs() {
    return NO_INPUTS;
  }

  private static final Inputs NO_INPUTS =
      new Inputs() {
        @Override
        public JsonNode get(InputRequest request) {
          throw new IllegalStateException(
              "There is no client to ask for '"
                  + request.key()
                  + "': this call has no request behind it");
        }

        @Override
        public Map<String, JsonNode> getAll(InputRequest... requests) {
          throw new IllegalStateException(
              "There is no client to ask: this call has no request behind it");
        }

        @Override
        public Optional<JsonNode> state(String key) {
          return Optional.empty();
        }

        @Override
        public void putState(String key, JsonNode value) {
          // Nothing carries it anywhere.
        }
      };
}
