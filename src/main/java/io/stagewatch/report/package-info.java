/**
 * Run reports: the files written after a run ({@link io.stagewatch.report.ReportFile}, listed in
 * {@link io.stagewatch.report.ReportFiles} and written by {@link
 * io.stagewatch.report.ReportWriter}), the live console output and the GitHub Actions hand-off.
 * Rendering is kept apart from I/O so that every file can be checked as a plain string.
 */
@NullMarked
package io.stagewatch.report;

import org.jspecify.annotations.NullMarked;
