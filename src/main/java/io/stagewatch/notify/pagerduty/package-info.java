/** PagerDuty notifications by the Events API v2: trigger and resolve per check. */
@NullMarked
package io.stagewatch.notify.pagerduty;

import org.jspecify.annotations.NullMarked;
