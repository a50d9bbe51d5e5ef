/**
 * {@code metrics.prom}: the run in the Prometheus text exposition format, for node_exporter's
 * textfile collector.
 */
@NullMarked
package io.stagewatch.report.prometheus;

import org.jspecify.annotations.NullMarked;
