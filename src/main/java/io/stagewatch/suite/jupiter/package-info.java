/**
 * Support for Java suites: JUnit Jupiter classes annotated {@link
 * io.stagewatch.suite.jupiter.StagewatchSuite} get the selected environment injected, so they never
 * read environment variables themselves.
 */
@NullMarked
package io.stagewatch.suite.jupiter;

import org.jspecify.annotations.NullMarked;
