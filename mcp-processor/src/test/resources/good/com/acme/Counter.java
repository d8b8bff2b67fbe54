package com.acme;

import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.session.Session;

/** The toolbox tutorial's stateful tool: a counter kept in the caller's session. */
public class Counter {
  /** Increments a per-conversation counter and returns the new value. */
  @McpTool
  public int incrementCounter(Session session) {
    return session.update("counter", 0, n -> n + 1);
  }

  /**
   * Adds an amount to a named counter of the session.
   *
   * @param name the counter's name
   * @param amount how much to add
   */
  @McpTool
  public long add(String name, long amount, Session session) {
    return session.update(name, 0L, n -> n + amount);
  }
}
