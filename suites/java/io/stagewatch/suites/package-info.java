/**
 * The Java suites shipped with stagewatch: JUnit Jupiter classes written with REST Assured,
 * compiled into the jar and run next to the YAML suites.
 */
@NullMarked
package io.stagewatch.suites;

import org.jspecify.annotations.NullMarked;
