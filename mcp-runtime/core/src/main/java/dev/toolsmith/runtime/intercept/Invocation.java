package dev.toolsmith.runtime.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolsmith.runtime.Identity;
import dev.toolsmith.runtime.RequestContext;
import java.util.Optional;

/** One invocation of a tool, a prompt or a resource, as interceptors see it. */
public interface Invocation {
  /** What is invoked. */
  enum Kind {
    /** A tool, by {@code tools/call} (or a task running one). */
    TOOL,
    /** A prompt, by {@code prompts/get}. */
    PROMPT,
    /** A resource, by {@code resources/read}. */
    RESOURCE
  }

  /** Returns what is invoked. */
  Kind kind();

  /** Returns the tool's or prompt's name, or the resource's URI. */
  String name();

  /**
   * Returns the arguments as the client sent them: an object, empty when it sent none (and for
   * resources, which take none).
   */
  JsonNode arguments();

  /** Returns who is calling. */
  Identity identity();

  /** Returns the protocol version the invocation is served in. */
  String protocolVersion();

  /**
   * Returns the request the invocation serves; empty for a task's tool running apart from the
   * request that created it (in a worker thread, or in another Lambda invocation).
   */
  Optional<InterceptedRequest> request();

  /** Returns the context the tool, prompt or resource gets: transport facts, progress, logging. */
  RequestContext context();

  /** Returns {@link System#nanoTime()} when the invocation began. */
  long startNanos();

  /** Attaches a value to this invocation, as {@link InterceptedRequest#attach} does to requests. */
  <T> void attach(Class<T> type, T value);

  /** Returns the value {@linkplain #attach attached} under a type, if any. */
  <T> Optional<T> attached(Class<T> type);
}
