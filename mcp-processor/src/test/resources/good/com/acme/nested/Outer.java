package com.acme.nested;

import dev.toolsmith.annotations.McpTool;

/** Holds a nested tool class. */
public class Outer {
  /** Tools nested in another class. */
  public static class Inner {
    /** Returns pong. */
    @McpTool
    String ping() {
      return "pong";
    }
  }
}
