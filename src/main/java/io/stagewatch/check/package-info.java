/**
 * The check SPI: a {@link io.stagewatch.check.CheckKind} reads its part of a suite file into a
 * {@link io.stagewatch.check.CheckSpec}, which carries out one attempt. Retries, deadlines and
 * failure isolation live in {@code io.stagewatch.run}, the same for every kind.
 */
@NullMarked
package io.stagewatch.check;

import org.jspecify.annotations.NullMarked;
