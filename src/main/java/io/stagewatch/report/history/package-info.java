/** What {@code stagewatch history} prints: a table for people and JSON for machines. */
@NullMarked
package io.stagewatch.report.history;

import org.jspecify.annotations.NullMarked;
