package io.stagewatch.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.TestPlan;

/**
 * The rerun policy ({@code defaults.rerunFailures}): failed tests run again by unique id, up to
 * that many rounds; a test that passes in a later round is FLAKY, its attempts added up. With
 * reruns ahead a failure is not final, so listeners hear of it once it is, and only once.
 */
final class Reruns {
  /** Runs a plan, puts each result into a map by check id, and returns the ids that failed. */
  interface Execution {
    List<String> execute(TestPlan plan, RunListener listener, Map<String, CheckResult> into);
  }

  /** Discovers the tests with the given unique ids. */
  interface Rediscovery {
    TestPlan discover(List<String> uniqueIds);
  }

  private final int rounds;
  private final Execution execution;
  private final Rediscovery rediscovery;

  Reruns(int rounds, Execution execution, Rediscovery rediscovery) {
    this.rounds = rounds;
    this.execution = execution;
    this.rediscovery = rediscovery;
  }

  /** Every check's final result, in the order the plan ran them. */
  List<CheckResult> run(TestPlan plan, RunListener listener) {
    Map<String, CheckResult> results = new LinkedHashMap<>();
    List<String> failed =
        execution.execute(plan, rounds > 0 ? passesOnly(listener) : listener, results);
    List<String> held =
        rounds > 0
            ? results.values().stream()
                .filter(r -> r.status().isFailure())
                .map(CheckResult::id)
                .toList()
            : List.of();
    for (int round = 1; round <= rounds && !failed.isEmpty(); round++) {
      // Listeners hear of rerun checks once they are final, below.
      failed = execution.execute(rediscovery.discover(failed), new RunListener() {}, results);
    }
    results.values().stream().filter(r -> held.contains(r.id())).forEach(listener::checkFinished);
    return List.copyOf(results.values());
  }

  /** Passes on the results that passed or were skipped; failures are held back for a rerun. */
  private static RunListener passesOnly(RunListener listener) {
    return new RunListener() {
      @Override
      public void checkFinished(CheckResult result) {
        if (!result.status().isFailure()) {
          listener.checkFinished(result);
        }
      }
    };
  }
}
