/** The stand-in staging service that {@code stagewatch demo} runs the shipped suites against. */
@NullMarked
package io.stagewatch.demo;

import org.jspecify.annotations.NullMarked;
