/**
 * Loading {@code config/stagewatch.yaml}: a YAML tree that remembers where every value came from,
 * {@code ${VAR}} interpolation, and immutable records per section. Every problem is collected with
 * its file, line, column and key, so a user sees all of them at once.
 */
@NullMarked
package io.stagewatch.config;

import org.jspecify.annotations.NullMarked;
