/**
 * Alerting about runs: the {@link io.stagewatch.notify.Notifier} SPI, the alert policy that decides
 * what is worth saying, and the delivery of the store's outbox.
 */
@NullMarked
package io.stagewatch.notify;

import org.jspecify.annotations.NullMarked;
