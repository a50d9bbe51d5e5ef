/**
 * How figures read, the same in every output and below every package that writes one: pass rates (a
 * ratio for machines, a percentage for people), durations, and plain-text tables.
 */
@NullMarked
package io.stagewatch.text;

import org.jspecify.annotations.NullMarked;
