/**
 * The {@code sql} check kind: connectivity and query smoke checks against the PostgreSQL databases
 * of the selected environment, through one small read-only pool per database and run.
 */
@NullMarked
package io.stagewatch.check.sql;

import org.jspecify.annotations.NullMarked;
