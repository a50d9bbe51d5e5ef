package io.stagewatch.app;

import io.stagewatch.config.MaintenanceWindow;
import io.stagewatch.config.StagewatchConfig;
import io.stagewatch.run.Silencing;
import io.stagewatch.store.Silence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run starting now keeps quiet about: the environment's active silences from the store and
 * the config's maintenance windows open now. Read at the start of every run (and every daemon
 * slot), so a silence added from another shell applies to the next run.
 */
final class Silencings {
  private Silencings() {}

  /**
   * @param active the environment's silences active at {@code now}, from the store
   */
  static Silencing of(StagewatchConfig config, List<Silence> active, Instant now) {
    List<Silencing.Rule> rules = new ArrayList<>();
    for (Silence silence : active) {
      rules.add(new Silencing.Rule(silence.reason(), silence.suites(), silence.tags()));
    }
    String environment = config.environment().name();
    for (MaintenanceWindow window : config.maintenance()) {
      if (window.appliesTo(environment) && window.covers(now)) {
        rules.add(new Silencing.Rule(window.describe(), List.of(), window.tags()));
      }
    }
    return rules.isEmpty() ? Silencing.NONE : new Silencing(rules);
  }
}
