package dev.toolsmith.runtime.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code completion/complete}: what is being completed and the value typed so far.
 *
 * @param prompt whether the reference is a prompt ({@code ref/prompt}) rather than a resource
 *     template ({@code ref/resource})
 * @param reference the prompt's name, or the resource template's URI template
 * @param argument the prompt argument or template variable being completed
 * @param value what the user has typed so far
 * @param context the other arguments or variables already given
 */
@UsedByGeneratedCode
public record CompletionRequest(
    boolean prompt, String reference, String argument, String value, Map<String, String> context) {
  public CompletionRequest {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(argument, "argument");
    value = value == null ? "" : value;
    context = Map.copyOf(context);
  }
}
