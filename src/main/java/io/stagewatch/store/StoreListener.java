package io.stagewatch.store;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunInfo;
import io.stagewatch.run.RunListener;
import io.stagewatch.run.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Records a run in the store as its events arrive, through a {@link StoreWriter}: the events are
 * queued and written on the writer's thread, so a slow or silent store never delays a check or the
 * run's measured duration. Writes that fail are tried again while the run goes on, so a store that
 * comes back gets the rest of the run; {@link #finish} ends the writing and says what was lost.
 */
public final class StoreListener implements RunListener {
  private final RunRecorder store;
  private final String runnerVersion;
  private final @Nullable AlertPlanner planner;
  private final StoreWriter<Event> writer = new StoreWriter<>(this::write);
  private volatile @Nullable String runId;
  private volatile @Nullable StoreException error;

  /** What is queued for the store; each is safe to write twice. */
  private sealed interface Event {}

  private record Started(RunInfo info) implements Event {}

  private record Finished(String runId, CheckResult result) implements Event {}

  private record Ended(RunResult result) implements Event {}

  /**
   * @param planner decides the notices to write with the run's end; null when nothing is sent
   */
  public StoreListener(RunRecorder store, String runnerVersion, @Nullable AlertPlanner planner) {
    this.store = store;
    this.runnerVersion = runnerVersion;
    this.planner = planner;
  }

  /** Why part of the run was not recorded, once {@link #finish} has said so. */
  public Optional<StoreException> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public void runStarted(RunInfo info, int plannedChecks) {
    if (plannedChecks == 0) {
      // Nothing matched the selection: a usage error, not a run worth remembering.
      return;
    }
    runId = info.runId();
    writer.submit(new Started(info));
  }

  @Override
  public void checkFinished(CheckResult result) {
    String id = runId;
    if (id != null) {
      writer.submit(new Finished(id, result));
    }
  }

  @Override
  public void runFinished(RunResult result) {
    if (runId != null) {
      writer.submit(new Ended(result));
    }
  }

  /**
   * Ends the writing: waits until what is queued is written, or the store has failed an attempt
   * made after this call, or {@code limit} has passed. Later calls return the first answer.
   *
   * @return why part of the run was not recorded, naming what
   */
  public synchronized Optional<StoreException> finish(Duration limit) {
    StoreWriter.Unwritten<Event> left = writer.finish(limit);
    if (error == null && !left.records().isEmpty()) {
      String lost = " (not written: " + describe(left.records()) + ")";
      StoreException cause = left.failure();
      error =
          cause != null
              ? new StoreException(cause.getMessage() + lost, cause)
              : new StoreException(
                  "the store did not finish writing within " + limit.toSeconds() + " s" + lost);
    }
    return error();
  }

  private void write(List<Event> events) throws StoreException {
    // The run's end writes every result again, so results queued before it go in with it.
    boolean ends = events.stream().anyMatch(e -> e instanceof Ended);
    List<CheckResult> results = new ArrayList<>();
    String resultsOf = null;
    for (Event event : events) {
      switch (event) {
        case Started s -> store.runStarted(s.info(), runnerVersion);
        case Finished f -> {
          if (!ends) {
            results.add(f.result());
            resultsOf = f.runId();
          }
        }
        case Ended e -> store.runFinished(e.result(), plan(e.result()));
      }
    }
    if (resultsOf != null) {
      store.checksFinished(resultsOf, results);
    }
  }

  private AlertUpdate plan(RunResult result) throws StoreException {
    AlertPlanner p = planner;
    if (p == null) {
      return AlertUpdate.NONE;
    }
    return p.plan(result, store.alertStates(result.info().environment()));
  }

  /** "the run's start, 3 results and the run's end". */
  private static String describe(List<Event> events) {
    List<String> parts = new ArrayList<>();
    if (events.stream().anyMatch(e -> e instanceof Started)) {
      parts.add("the run's start");
    }
    long results = events.stream().filter(e -> e instanceof Finished).count();
    if (results > 0) {
      parts.add(results + (results == 1 ? " result" : " results"));
    }
    if (events.stream().anyMatch(e -> e instanceof Ended)) {
      parts.add("the run's end");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
