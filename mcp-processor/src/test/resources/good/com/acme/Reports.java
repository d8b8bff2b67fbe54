package com.acme;

import dev.toolsmith.annotations.McpTask;
import dev.toolsmith.annotations.McpTool;
import dev.toolsmith.runtime.RequestContext;

/** Report tools whose long work runs as tasks of the tasks extension. */
public class Reports {
  /**
   * Builds the month's report, which takes minutes.
   *
   * @param month the month, such as "2026-11"
   */
  @McpTool
  @McpTask
  public String buildReport(String month) {
    return "report for " + month;
  }

  /**
   * Archives every report; too long for any request, so only as a task.
   *
   * @param year the year to archive
   */
  @McpTool
  @McpTask(required = true)
  public String archiveReports(int year) {
    return "archived " + year;
  }

  /**
   * Checks the month's data first, and goes on as a task only when there is a lot of it.
   *
   * @param month the month to check
   */
  @McpTool
  @McpTask(startInline = true)
  public String checkData(String month, RequestContext context) {
    context.continueAsTask();
    return "checked " + month;
  }
}
