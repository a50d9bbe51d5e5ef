/**
 * Telling a GitHub pull request: the readiness verdict as one comment that each later evaluation
 * edits, through GitHub's REST API.
 */
@NullMarked
package io.stagewatch.notify.github;

import org.jspecify.annotations.NullMarked;
