/**
 * The run store, split by who uses it: {@link io.stagewatch.store.RunRecorder} records runs, {@link
 * io.stagewatch.store.RunHistory} reads them back, {@link io.stagewatch.store.NoticeOutbox} holds
 * the notices waiting to be sent, {@link io.stagewatch.store.RunLocks} keeps one run of an
 * environment at a time and {@link io.stagewatch.store.RunRetention} forgets old runs; {@link
 * io.stagewatch.store.ResultStore} is all of them in one open store. {@link
 * io.stagewatch.store.StoreListener} subscribes the recorder to a run's events (written by a {@code
 * StoreWriter} on a thread of its own, so the checks never wait for the store), and {@link
 * io.stagewatch.store.StoreSession} wraps one run with the store's lock, abort marking and
 * retention. The one implementation is in {@code store/jdbc}.
 */
@NullMarked
package io.stagewatch.store;

import org.jspecify.annotations.NullMarked;
