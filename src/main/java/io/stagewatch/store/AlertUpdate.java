package io.stagewatch.store;

import java.util.List;

/**
 * What the alert policy decided about a run, written in the transaction that records the run's end
 * so that a run is never stored without its notices or the other way round.
 *
 * @param states the new state of every check whose state changed
 * @param cleared the checks that passed again: their state is deleted
 * @param notices what goes into the outbox
 */
public record AlertUpdate(
    List<AlertState> states, List<String> cleared, List<OutboxNotice> notices) {
  public static final AlertUpdate NONE = new AlertUpdate(List.of(), List.of(), List.of());

  public AlertUpdate {
    states = List.copyOf(states);
    cleared = List.copyOf(cleared);
    notices = List.copyOf(notices);
  }
}
