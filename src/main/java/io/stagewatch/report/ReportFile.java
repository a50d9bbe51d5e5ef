package io.stagewatch.report;

import io.stagewatch.run.RunResult;

/**
 * One file written after a run. Rendering is pure so that the content can be compared as a string;
 * {@link ReportWriter} does the writing. To add a report, implement this in a package of its own
 * and add one line to the registry.
 */
public interface ReportFile {

  /** The file name inside the report directory, such as {@code junit.xml}. */
  String fileName();

  /** The whole content of the file for this run and what is known after it. */
  String render(ReportContext context);

  /** The content for the run alone, without a store or notices. */
  default String render(RunResult result) {
    return render(ReportContext.of(result));
  }
}
