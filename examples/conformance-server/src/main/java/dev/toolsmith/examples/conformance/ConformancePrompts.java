package dev.toolsmith.examples.conformance;

import dev.toolsmith.annotations.McpCompletion;
import dev.toolsmith.annotations.McpPrompt;
import dev.toolsmith.runtime.Content;
import dev.toolsmith.runtime.PromptMessage;
import dev.toolsmith.runtime.PromptResult;
import java.util.ArrayList;
import java.util.List;

/** The conformance suite's prompt fixtures, and a completion for one of their arguments. */
public class ConformancePrompts {
  private static final List<String> SAMPLE_VALUES = List.of("test", "testing", "tested", "value");

  /** A prompt without arguments. */
  @McpPrompt(name = "test_simple_prompt")
  public String simplePrompt() {
    return "This is a simple prompt for testing.";
  }

  /**
   * A prompt with two required arguments.
   *
   * @param arg1 the first argument
   * @param arg2 the second argument
   */
  @McpPrompt(name = "test_prompt_with_arguments")
  public String promptWithArguments(String arg1, String arg2) {
    return "Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'";
  }

  /**
   * A prompt that embeds a resource.
   *
   * @param resourceUri the URI of the resource to embed
   */
  @McpPrompt(name = "test_prompt_with_embedded_resource")
  public PromptResult promptWithEmbeddedResource(String resourceUri) {
    return PromptResult.of(
        PromptMessage.user(
            Content.resource(resourceUri, "text/plain", "Embedded resource content for testing.")),
        PromptMessage.user("Please process the embedded resource above."));
  }

  /** A prompt that shows an image. */
  @McpPrompt(name = "test_prompt_with_image")
  public PromptResult promptWithImage() {
    return PromptResult.of(
        PromptMessage.user(Content.image(Samples.PNG, "image/png")),
        PromptMessage.user("Please analyze the image above."));
  }

  /** Suggests values for the first argument of test_prompt_with_arguments. */
  @McpCompletion(prompt = "test_prompt_with_arguments", argument = "arg1")
  public List<String> arg1Values(String prefix) {
    List<String> matches = new ArrayList<>();
    for (String value : SAMPLE_VALUES) {
      if (value.startsWith(prefix)) {
        matches.add(value);
      }
    }
    return matches;
  }
}
