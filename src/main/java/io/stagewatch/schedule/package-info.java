/**
 * The daemon: {@link io.stagewatch.schedule.Schedule}s with a {@link io.stagewatch.schedule.Timing}
 * (cron or a fixed interval), the pure {@link io.stagewatch.schedule.SlotPlan} that says which slot
 * is due, the {@link io.stagewatch.schedule.Daemon} loop that fires them through a {@link
 * io.stagewatch.schedule.SlotRunner}, and the status page, JSON and metrics it serves.
 */
@NullMarked
package io.stagewatch.schedule;

import org.jspecify.annotations.NullMarked;
