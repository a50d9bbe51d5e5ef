package io.stagewatch.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The silences of every environment: added and ended by {@code stagewatch silence}, read by each
 * run (and each of the daemon's slots) when it starts, so that a silence added from another shell
 * applies to the next run.
 */
public interface Silences {

  /** Records a new silence. */
  void addSilence(Silence silence) throws StoreException;

  /** The silence with this id, if the store has it. */
  Optional<Silence> silence(String id) throws StoreException;

  /**
   * The silences of every environment that end after {@code since}: the active ones and those over
   * since then, the latest to end first.
   */
  List<Silence> silencesEndingAfter(Instant since) throws StoreException;

  /** The environment's silences active at {@code now}. */
  List<Silence> activeSilences(String environment, Instant now) throws StoreException;

  /**
   * Ends a silence at {@code now}, unless it is over already.
   *
   * @return whether it was active (or yet to start) and is now ended
   */
  boolean endSilence(String id, Instant now) throws StoreException;
}
