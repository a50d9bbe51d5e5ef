/**
 * The registry of check kinds: the one place that lists them (the YAML key of each, and its
 * reader). It sits beside the kinds rather than in the SPI package, so that the SPI depends on no
 * implementation.
 */
@NullMarked
package io.stagewatch.check.kinds;

import org.jspecify.annotations.NullMarked;
