package dev.toolsmith.examples.reports;

import dev.toolsmith.annotations.McpTask;
import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.RequestContext;

/** Report tools whose work takes longer than any request may last. */
public class ReportTools {
  private static final int LONGEST_RUN_SECONDS = 600;

  /**
   * Builds a month's sales report. It takes as long as the work it stands in for, longer than API
   * Gateway lets a request run, so it runs only as a task: the call returns a task handle at once,
   * and tasks/get returns the report when it is done.
   *
   * @param month the month to report on, such as "2026-11"
   * @param workSeconds how long the report takes to build, from 0 to 600 seconds (a stand-in for
   *     real work, so the example shows a task outliving its request)
   */
  @McpTool(readOnly = true, openWorld = false)
  @McpTask(required = true)
  public String buildReport(String month, int workSeconds, RequestContext context)
      throws InterruptedException {
    int seconds = Math.max(0, Math.min(workSeconds, LONGEST_RUN_SECONDS));
    for (int elapsed = 0; elapsed < seconds; elapsed++) {
      if (context.isCancelled()) {
        return "Cancelled the report for " + month + " after " + elapsed + " s.";
      }
      Thread.sleep(1000);
    }
    return "Sales report for "
        + month
        + ": 1,204 orders, 98,310.50 EUR, built in "
        + seconds
        + " s.";
  }
}
