package io.stagewatch.store;

/**
 * Where runs and their results are recorded: every role of the store in one open store, which is
 * what opening a store gives and what closing it ends. Code that uses the store takes the role it
 * needs, not this: {@link RunRecorder} (recording a run), {@link RunHistory} (reading runs back),
 * {@link NoticeOutbox} (the notices waiting to be sent), {@link RunLocks} (one run of an
 * environment at a time), {@link RunRetention} (forgetting old runs) and {@link Silences} (when
 * notices are held back). Implementations are safe for use from several threads: results arrive
 * from the threads that ran the checks.
 */
public interface ResultStore
    extends RunRecorder, RunHistory, NoticeOutbox, RunLocks, RunRetention, Silences, AutoCloseable {

  @Override
  void close();
}
