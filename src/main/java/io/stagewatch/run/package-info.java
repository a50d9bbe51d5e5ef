/**
 * Running checks: the {@link io.stagewatch.run.Runner} facade over the JUnit Platform Launcher, the
 * retry policy every check kind shares, and the stream of run events that reporters subscribe to.
 */
@NullMarked
package io.stagewatch.run;

import org.jspecify.annotations.NullMarked;
