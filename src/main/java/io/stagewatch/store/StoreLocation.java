package io.stagewatch.store;

import java.util.Optional;

/**
 * A store before it is opened. Where its run lock does not live in the database (an SQLite store's
 * lock files beside it), the lock can be taken first, and a run can then start its checks while the
 * store is opened on a thread of its own ({@link StoreSession#opening}).
 */
public interface StoreLocation {
  /**
   * Takes the environment's run lock without opening the store. Empty when another run holds it,
   * when this store's lock cannot be taken so (PostgreSQL's is held by a database session), or when
   * it cannot be taken now (its file cannot be made): the caller then opens the store and takes the
   * lock through {@link RunLocks#lock}, which waits for it and says why not.
   */
  Optional<RunLock> tryLockFirst(String environment);

  /** Opens the store and brings its schema up to date. */
  ResultStore open() throws StoreException;
}
