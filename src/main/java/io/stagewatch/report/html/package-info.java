/**
 * {@code report.html} and the daemon's status page: one self-contained HTML page (inline CSS, no
 * scripts, no external assets) rendered from a {@link io.stagewatch.report.html.PageView}.
 */
@NullMarked
package io.stagewatch.report.html;

import org.jspecify.annotations.NullMarked;
