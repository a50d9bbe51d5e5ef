package io.stagewatch.suite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The values the checks of one run captured, per suite, and what became of every check that did not
 * pass, so that a check whose value is missing can say why. It lives as long as the run, so a rerun
 * of a failed check finds the values captured before.
 */
final class CapturedValues {
  /** Suite name to capture name to value. */
  private final Map<String, Map<String, String>> values = new ConcurrentHashMap<>();

  /** Check id to what became of it when it did not pass ("failed", "was skipped"). */
  private final Map<String, String> notPassed = new ConcurrentHashMap<>();

  /** The values captured so far by the checks of a suite. */
  Map<String, String> of(String suite) {
    return Map.copyOf(values.getOrDefault(suite, Map.of()));
  }

  void passed(CheckDefinition check, Map<String, String> captured) {
    notPassed.remove(check.id());
    if (!captured.isEmpty()) {
      values.computeIfAbsent(check.suite(), k -> new ConcurrentHashMap<>()).putAll(captured);
    }
  }

  void failed(CheckDefinition check) {
    notPassed.put(check.id(), "failed");
  }

  void skipped(CheckDefinition check) {
    notPassed.putIfAbsent(check.id(), "was skipped");
  }

  /**
   * Why a check cannot run for want of a value an earlier check should have captured, such as
   * {@code not run: ${token} was not captured (login failed)}; null when it has all it uses.
   */
  @Nullable String missingFor(CheckDefinition check) {
    Map<String, String> captured = values.getOrDefault(check.suite(), Map.of());
    for (Map.Entry<String, String> use : check.uses().entrySet()) {
      if (!captured.containsKey(use.getKey())) {
        String producer = use.getValue();
        String what = notPassed.getOrDefault(check.suite() + "/" + producer, "did not run");
        return "not run: ${" + use.getKey() + "} was not captured (" + producer + " " + what + ")";
      }
    }
    return null;
  }
}
