/**
 * The release readiness score: inputs read from the reports that CI tools already write (JUnit XML,
 * JaCoCo or Cobertura XML, SARIF), the staging pass rate from the store, weights, bands and the
 * gate.
 */
@NullMarked
package io.stagewatch.readiness;

import org.jspecify.annotations.NullMarked;
