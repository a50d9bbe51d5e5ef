/**
 * The product's flows as a Java API, without the command line: {@link RunPipeline} runs one run
 * from lock to reports and returns what became of it, {@link ScheduledRuns} runs the daemon's slots
 * through it, and {@link ProjectStore} opens a project's store. The command line and the daemon
 * call these; a program can embed a run the same way.
 */
@NullMarked
package io.stagewatch.app;

import org.jspecify.annotations.NullMarked;
