package io.stagewatch.report.html;

import io.stagewatch.run.CheckStatus;
import java.util.Locale;

/**
 * A check's state as the page colours and counts it: its status, or the mark that matters more to a
 * reader (a silence, a slow pass). Green for a pass, amber for a pass with a warning, red for a
 * failure, grey for what was not judged; always with its name, never by colour alone.
 */
public enum PageState {
  PASSED,
  FLAKY,
  DEGRADED,
  FAILED,
  ERROR,
  SKIPPED,
  SILENCED;

  static PageState of(CheckStatus status) {
    return switch (status) {
      case PASSED -> PASSED;
      case FLAKY -> FLAKY;
      case FAILED -> FAILED;
      case ERROR -> ERROR;
      case SKIPPED -> SKIPPED;
    };
  }

  /** The state's word in CSS classes and in the header's chips: {@code flaky}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
