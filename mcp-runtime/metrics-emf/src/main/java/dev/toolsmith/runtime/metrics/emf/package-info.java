/**
 * CloudWatch metrics in the Embedded Metric Format: install {@link
 * dev.toolsmith.runtime.metrics.emf.EmfMetrics} on the server builder.
 */
package dev.toolsmith.runtime.metrics.emf;
