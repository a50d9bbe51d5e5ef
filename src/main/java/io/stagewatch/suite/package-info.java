/**
 * YAML suites: the model, the loader, and the JUnit Platform {@code TestEngine} (id {@code
 * stagewatch}) that runs each suite as a container and each check as a test.
 */
@NullMarked
package io.stagewatch.suite;

import org.jspecify.annotations.NullMarked;
