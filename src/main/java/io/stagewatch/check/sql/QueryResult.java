package io.stagewatch.check.sql;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a query returned, as far as a check looks at it.
 *
 * @param rows how many rows came back
 * @param firstValue the first column of the first row as text; null when there was no row or the
 *     value was SQL NULL
 * @param numeric whether the first column has a numeric type, so values compare as numbers
 * @param elapsed from sending the query to having read its last row
 */
record QueryResult(long rows, @Nullable String firstValue, boolean numeric, Duration elapsed) {}
