package io.stagewatch.report.html;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.CheckStatus;
import io.stagewatch.run.RunResult;
import io.stagewatch.store.StoredResult;
import io.stagewatch.store.StoredRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One check as the status page shows it: its state in the latest run that ran it, its history over
 * the window (oldest first), and its last failure.
 *
 * @param history one entry per run of the window that ran the check, oldest first
 * @param durationsMs the check's duration in the same runs, for the latency sparkline
 * @param ranAt when the same runs started; empty when not known
 * @param attempts how many attempts the latest run made of the check
 * @param silenceReason why the latest run held back notices about the check; null when it did not
 * @param degraded why the latest run's pass was degraded (slower than its degradedResponseTime);
 *     null when it was not
 */
public record CheckState(
    String id,
    CheckStatus status,
    List<CheckStatus> history,
    List<Long> durationsMs,
    List<Instant> ranAt,
    int attempts,
    @Nullable String lastFailure,
    @Nullable Instant lastFailureAt,
    @Nullable String silenceReason,
    @Nullable String degraded) {

  public CheckState {
    history = List.copyOf(history);
    durationsMs = List.copyOf(durationsMs);
    ranAt = List.copyOf(ranAt);
  }

  /**
   * A check that no silence covered in its latest run, that was not degraded, and that took one
   * attempt.
   */
  public CheckState(
      String id,
      CheckStatus status,
      List<CheckStatus> history,
      List<Long> durationsMs,
      @Nullable String lastFailure,
      @Nullable Instant lastFailureAt) {
    this(id, status, history, durationsMs, List.of(), 1, lastFailure, lastFailureAt, null, null);
  }

  /**
   * The state the page shows and counts the check under: silenced before degraded before its
   * status, so that each check counts once.
   */
  public PageState state() {
    if (silenceReason != null) {
      return PageState.SILENCED;
    }
    if (degraded != null) {
      return PageState.DEGRADED;
    }
    return PageState.of(status);
  }

  /** The check's duration in its latest run; null when no run is known. */
  public @Nullable Long latestDurationMs() {
    return durationsMs.isEmpty() ? null : durationsMs.get(durationsMs.size() - 1);
  }

  /** The share of the window's runs in which the check passed (flaky counts as passed). */
  public double uptime() {
    return history.isEmpty()
        ? 0
        : history.stream().filter(CheckStatus::isPass).count() / (double) history.size();
  }

  /**
   * The checks of the given runs.
   *
   * @param runs newest first, as the store returns them
   */
  public static List<CheckState> of(List<StoredRun> runs, List<StoredResult> results) {
    Map<String, Integer> age = new HashMap<>();
    Map<String, Instant> startedAt = new HashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      age.put(runs.get(i).runId(), i);
      startedAt.put(runs.get(i).runId(), runs.get(i).startedAt());
    }
    Map<String, List<StoredResult>> byCheck = new LinkedHashMap<>();
    results.stream()
        .filter(r -> age.containsKey(r.runId()))
        .sorted(
            (a, b) ->
                Integer.compare(age.getOrDefault(b.runId(), 0), age.getOrDefault(a.runId(), 0)))
        .forEach(r -> byCheck.computeIfAbsent(r.checkId(), k -> new ArrayList<>()).add(r));
    List<CheckState> states = new ArrayList<>();
    byCheck.forEach((id, oldestFirst) -> states.add(of(id, oldestFirst, startedAt)));
    states.sort((a, b) -> a.id().compareTo(b.id()));
    return states;
  }

  /** The checks of one run, each with that run alone as its history, in the run's order. */
  public static List<CheckState> of(RunResult run) {
    List<CheckState> states = new ArrayList<>();
    for (CheckResult c : run.checks()) {
      boolean failed = c.status().isFailure();
      states.add(
          new CheckState(
              c.id(),
              c.status(),
              List.of(c.status()),
              List.of(c.durationMs()),
              List.of(run.info().startedAt()),
              c.attempts(),
              failed ? (c.message() == null ? "no reason given" : c.message()) : null,
              failed ? run.finishedAt() : null,
              c.silenceReason(),
              degradedReason(c)));
    }
    return states;
  }

  /**
   * The states with the degraded marks of {@code run}, the run their latest status comes from: the
   * run in memory has them even when the store could not keep its results.
   */
  public static List<CheckState> markDegraded(List<CheckState> states, RunResult run) {
    Map<String, String> degraded = new HashMap<>();
    for (CheckResult c : run.checks()) {
      String reason = degradedReason(c);
      if (reason != null) {
        degraded.put(c.id(), reason);
      }
    }
    if (degraded.isEmpty()) {
      return states;
    }
    return states.stream()
        .map(s -> s.withDegraded(degraded.getOrDefault(s.id(), s.degraded())))
        .toList();
  }

  private CheckState withDegraded(@Nullable String reason) {
    return new CheckState(
        id,
        status,
        history,
        durationsMs,
        ranAt,
        attempts,
        lastFailure,
        lastFailureAt,
        silenceReason,
        reason);
  }

  private static @Nullable String degradedReason(CheckResult c) {
    return c.degraded() ? degradedReason(c.message()) : null;
  }

  private static String degradedReason(@Nullable String message) {
    return message == null ? "slower than its degradedResponseTime" : message;
  }

  /**
   * The checks of one run, each with its history over the stored runs, in the run's order. A check
   * the store has no result of (its result could not be written) has this run alone as history.
   *
   * @param runs the environment's last runs, newest first, this run among them
   */
  public static List<CheckState> of(
      RunResult run, List<StoredRun> runs, List<StoredResult> results) {
    Map<String, CheckState> stored = new HashMap<>();
    for (CheckState state : of(runs, results)) {
      stored.put(state.id(), state);
    }
    return markDegraded(of(run).stream().map(c -> stored.getOrDefault(c.id(), c)).toList(), run);
  }

  private static CheckState of(
      String id, List<StoredResult> oldestFirst, Map<String, Instant> runStartedAt) {
    StoredResult latest = oldestFirst.get(oldestFirst.size() - 1);
    StoredResult failure = null;
    for (StoredResult r : oldestFirst) {
      if (r.status().isFailure()) {
        failure = r;
      }
    }
    return new CheckState(
        id,
        latest.status(),
        oldestFirst.stream().map(StoredResult::status).toList(),
        oldestFirst.stream().map(StoredResult::durationMs).toList(),
        oldestFirst.stream().map(r -> runStartedAt.get(r.runId())).toList(),
        latest.attempts(),
        failure == null ? null : failure.message(),
        failure == null ? null : failure.recordedAt(),
        latest.silenceReason(),
        latest.degraded() ? degradedReason(latest.message()) : null);
  }
}
