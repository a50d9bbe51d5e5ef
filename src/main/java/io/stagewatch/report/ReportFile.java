package io.stagewatch.report;

import io.stagewatch.run.RunResult;

/**
 * One file written after a run. Rendering is pure so that the content can be compared as a string;
 * {@link ReportWriter} does the writing.
 */
public interface ReportFile {

  /** The file name inside the report directory, such as {@code junit.xml}. */
  String fileName();

  /** The whole content of the file for this run. */
  String render(RunResult result);
}
