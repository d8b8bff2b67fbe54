package com.acme;

import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.Identity;

/** A tool that knows who calls it from the verified credential, never from an argument. */
public class Greeter {
  /**
   * Greets the caller by name.
   *
   * @param greeting the word to greet with, such as "Hello"
   */
  @McpTool(readOnly = true)
  public String greet(String greeting, Identity caller) {
    return greeting + ", " + caller.name().orElse(caller.subject()) + "!";
  }
}
