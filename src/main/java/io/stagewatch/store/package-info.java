/**
 * The run store: {@link io.stagewatch.store.ResultStore} is the SPI, {@link
 * io.stagewatch.store.StoreListener} subscribes it to a run's events (written by a {@code
 * StoreWriter} on a thread of its own, so the checks never wait for the store), and {@link
 * io.stagewatch.store.StoreSession} wraps one run with the store's lock, abort marking and
 * retention. The one implementation is in {@code store/jdbc}.
 */
@NullMarked
package io.stagewatch.store;

import org.jspecify.annotations.NullMarked;
