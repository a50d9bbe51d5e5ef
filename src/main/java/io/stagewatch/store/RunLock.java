package io.stagewatch.store;

/**
 * An environment's run lock, held until closed. Every implementation must also let go when the
 * holding process dies, so that a killed run never blocks the next one.
 */
public interface RunLock extends AutoCloseable {

  @Override
  void close() throws StoreException;
}
