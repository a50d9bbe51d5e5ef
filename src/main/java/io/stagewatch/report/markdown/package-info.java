/** The health note for people ({@code summary.md}), also shown as the GitHub Actions summary. */
@NullMarked
package io.stagewatch.report.markdown;

import org.jspecify.annotations.NullMarked;
